// malaf extract [--json] [--format F] [--reference-date D] [--field k=v]...
//               [--charset C] FILE... : parse inputs without an archive and
// print the articles found. Every input is tried; a bad one is reported on
// stderr (and in "errors" with --json) and the others go on; the exit code
// is 1 when any input failed.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "entities/analysis.h"
#include "extract/article_json.h"
#include "extract/extractor.h"

namespace malaf::cli {
namespace {

// stdin, read with the same bound as a file.
ExtractOutput ExtractStdin(const ExtractOptions& options) {
  std::string bytes;
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (bytes.size() > options.max_input_bytes) {
      ExtractOutput out;
      out.errors.push_back(InputError{
          "-", Status::ResourceExhausted("larger than " + std::to_string(options.max_input_bytes) + " bytes (limit)")});
      return out;
    }
  }
  return ExtractBytes("-", bytes, options);
}

// First paragraphs of the body, cut to about `max_chars` characters.
std::string Lead(const std::string& body, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max_chars) {
        out += "…";
        break;
      }
      ++chars;
    }
    out.push_back(body[i]);
  }
  // Paragraph breaks as single line breaks, indented.
  std::string indented = "   ";
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') {
      if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
      indented += "\n   ";
    } else {
      indented.push_back(out[i]);
    }
  }
  return indented;
}

// {"articles": [...], "errors": [...]} written article by article, so that
// memory holds one input's articles, not every input's JSON at once. The
// layout is PrintJson's (two-space indent).
class JsonArticleStream {
 public:
  void Add(const Article& a) {
    std::string s = DumpJson(ArticleToJson(a, false), 2);
    std::string out = first_ ? "{\n  \"articles\": [\n    " : ",\n    ";
    first_ = false;
    for (char c : s) {
      out.push_back(c);
      if (c == '\n') out += "    ";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  void Finish(const nlohmann::json& errors) {
    std::string out = first_ ? "{\n  \"articles\": []" : "\n  ]";
    std::string e = DumpJson(errors, 2);
    out += ",\n  \"errors\": ";
    for (char c : e) {
      out.push_back(c);
      if (c == '\n') out += "  ";
    }
    out += "\n}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
  }

 private:
  bool first_ = true;
};

void PrintText(const std::vector<Article>& articles, size_t* n) {
  for (const Article& a : articles) {
    ++*n;
    std::string head = a.outlet.empty() ? a.title : a.outlet + " : " + a.title;
    fmt::print("{}. {}\n", *n, head);
    std::string when = !a.published.empty() ? a.published : a.published_text;
    std::string where = a.dateline;
    if (!when.empty() || !where.empty())
      fmt::print("   {}{}{}\n", when, !when.empty() && !where.empty() ? " — " : "", where);
    if (!a.body.empty()) fmt::print("{}\n", Lead(a.body, 240));
    if (!a.sources.empty())
      fmt::print("   [{} #{} {}]\n", a.sources[0].format, a.sources[0].index, a.sources[0].path);
    fmt::print("\n");
  }
}

}  // namespace

Subcommand RegisterExtract(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    bool analyze = false;
    std::string format;
    std::string reference_date;
    std::string charset;
    std::vector<std::string> fields;
    std::vector<std::string> inputs;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("extract", "Parse inputs without an archive and print the articles found");
  s.app->add_flag("--json", opts->json, "Machine-readable output ({\"articles\": [...], \"errors\": [...]})");
  s.app->add_option("--format", opts->format, "Input format (default: detect): html, text, dossier, rss, atom, json, jsonl");
  s.app->add_option("--reference-date", opts->reference_date,
                    "Reference time for relative dates, ISO 8601 (default: the source's own date, else file time)");
  s.app->add_option("--charset", opts->charset, "Input charset, e.g. windows-1256 (default: declared, else detect)");
  s.app->add_option("--field", opts->fields, "JSON field mapping ARTICLE_FIELD=INPUT_FIELD, e.g. body=content (repeatable)");
  s.app->add_flag("--analyze", opts->analyze, "Add entities and quotations to each article (src/entities)");
  s.app->add_option("inputs", opts->inputs, "Files (gzip and zip read directly), or - for stdin")->required();
  s.run = [opts] {
    ExtractOptions options;
    options.format = opts->format;
    options.reference_date = opts->reference_date;
    options.charset = opts->charset;
    for (const std::string& f : opts->fields) {
      size_t eq = f.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == f.size())
        return ReportError("extract", Status::InvalidArgument("--field expects ARTICLE_FIELD=INPUT_FIELD, got '" + f + "'"),
                           opts->json);
      options.field_map[f.substr(0, eq)] = f.substr(eq + 1);
    }
    // Usage errors (bad --format, --field or --reference-date) are the same
    // for every input: check them once on an empty input.
    {
      ExtractOutput probe = ExtractBytes("-", "", options);
      for (const InputError& e : probe.errors)
        if (e.status.IsInvalidArgument()) return ReportError("extract", e.status, opts->json);
    }
    nlohmann::json errors = nlohmann::json::array();
    JsonArticleStream stream;
    size_t shown = 0;
    bool failed = false;
    for (const std::string& path : opts->inputs) {
      ExtractOutput out = path == "-" ? ExtractStdin(options) : ExtractFile(path, options);
      if (opts->analyze)
        for (Article& a : out.articles) entities::AnalyzeArticle(&a);
      for (const InputError& e : out.errors) {
        failed = true;
        std::fprintf(stderr, "malaf extract: %s: %s\n", e.path.c_str(), e.status.message().c_str());
        if (opts->json) errors.push_back(InputErrorToJson(e.path, e.status));
      }
      if (opts->json) {
        for (const Article& a : out.articles) stream.Add(a);
      } else {
        PrintText(out.articles, &shown);
      }
    }
    if (opts->json) stream.Finish(errors);
    return failed ? kExitFailure : kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
