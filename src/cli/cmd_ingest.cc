// malaf ingest [--json] [--format F] [--reference-date D] [--field k=v]...
//              [--charset C] [--jobs N] [--no-derived] PATH...
// Extracts every file (directories recursively, hidden files skipped, "-"
// for stdin) and stores the articles with their provenance, one transaction
// per file: a bad input is reported and the others go on, and nothing stored
// before a failure is lost. Then brings derived data up to date.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "archive/derived.h"
#include "cli/json_stream.h"
#include "extract/article_json.h"
#include "extract/extractor.h"
#include "store/store.h"
#include "store/store_json.h"

namespace malaf::cli {
namespace {

// THE place where ingest hands over to derived data (search index,
// duplicates and stories, entities and quotations). Called once after every
// input is stored (not with --no-derived). Owners of derived
// data fill this in; a failure is reported and makes ingest exit 1, but the
// stored articles stay (derived data can always be rebuilt from the store).
Status UpdateDerivedData(const std::string& archive_dir) {
  // Search index, entities and quotations, duplicates and stories: one
  // library call (archive/derived.h), shared with the HTTP API's ingest.
  auto store = Store::Open(archive_dir);
  if (!store.ok()) return store.status();
  return malaf::UpdateDerivedData(**store);
}

namespace fs = std::filesystem;

struct Input {
  std::string path;    // as given, or found under a given directory
  Status error;        // set when the path could not even be listed
};

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

// Expands the command-line paths into files, in a stable order. Skips the
// archive directory itself, so `malaf ingest .` never reads its own store.
std::vector<Input> ListInputs(const std::vector<std::string>& paths, const std::string& archive) {
  std::vector<Input> out;
  std::error_code ec;
  fs::path archive_path = fs::weakly_canonical(archive, ec);
  auto is_archive = [&](const fs::path& p) {
    std::error_code e;
    return !archive_path.empty() && fs::equivalent(p, archive_path, e);
  };
  bool stdin_listed = false;
  for (const std::string& given : paths) {
    if (given == "-") {
      if (!stdin_listed) out.push_back({given, Status::OK()});  // stdin can be read once
      stdin_listed = true;
      continue;
    }
    fs::file_status st = fs::status(given, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({given, Status::NotFound("no such file or directory")});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({given, Status::OK()});
      continue;
    }
    if (is_archive(given)) continue;
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.push_back({given, Status::IOError(ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        out.push_back({it->path().string(), Status::IOError(ec.message())});
        break;
      }
      const fs::path& p = it->path();
      std::error_code e;
      if (it->is_directory(e)) {
        if (Hidden(p) || is_archive(p)) it.disable_recursion_pending();
        continue;
      }
      if (Hidden(p) || !it->is_regular_file(e)) continue;
      found.push_back(p.lexically_normal().string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back({std::move(f), Status::OK()});
  }
  return out;
}

struct Extracted {
  ExtractOutput out;
  std::string raw_hash;
};

struct Totals {
  size_t files = 0;
  size_t articles = 0;  // extracted, counting repeats
  size_t added = 0;     // new to the archive
  size_t merged = 0;    // already stored, gained a source or fields
  size_t unchanged = 0;
};

}  // namespace

Subcommand RegisterIngest(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string format;
    std::string reference_date;
    std::vector<std::string> fields;
    std::string charset;
    std::vector<std::string> paths;
    size_t jobs = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    bool no_derived = false;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("ingest", "Extract files and directories into the archive (- for stdin)");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--format", opts->format, "Input format (default: detect from content)")
      ->check(CLI::IsMember({"html", "text", "dossier", "rss", "atom", "json", "jsonl"}));
  s.app->add_option("--reference-date", opts->reference_date,
                    "ISO date for relative dates (default: the source's own date, else the file's time)");
  s.app->add_option("--field", opts->fields, "JSON field mapping, article field=input field (repeatable)");
  s.app->add_option("--charset", opts->charset, "Input charset (default: detect)");
  s.app->add_option("--jobs", opts->jobs, "Files extracted in parallel (default: one per core, at most 8)")
      ->check(CLI::Range(1, 64));
  s.app->add_flag("--no-derived", opts->no_derived,
                  "Only store: leave the search index, entities and stories to the next ingest or to the "
                  "commands that read them (faster bulk loads in several steps)");
  s.app->add_option("paths", opts->paths, "Files or directories, or - for stdin")->required();
  s.run = [opts, &global] {
    ExtractOptions eo;
    eo.format = opts->format;
    eo.charset = opts->charset;
    eo.reference_date = opts->reference_date;
    for (const auto& f : opts->fields) {
      size_t eq = f.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == f.size())
        return ReportError("ingest", Status::InvalidArgument("--field " + f + ": expected FIELD=NAME"), opts->json);
      eo.field_map[f.substr(0, eq)] = f.substr(eq + 1);
    }
    // Bad --reference-date or --field names are the same for every input:
    // the extractor reports them on an empty input, before anything is read.
    for (const InputError& e : ExtractBytes("-", "", eo).errors)
      if (e.status.IsInvalidArgument()) return ReportError("ingest", e.status, opts->json);

    auto store = Store::Open(global.archive);
    if (!store.ok()) return ReportError("ingest", store.status(), opts->json);
    std::vector<Input> inputs = ListInputs(opts->paths, global.archive);

    // Files are extracted by up to `jobs` threads ahead of the one thread
    // that stores them, in input order (so ids, provenance order and output
    // are the same whatever the thread count). At most jobs + 1 extracted
    // files are held in memory at once.
    auto extract = [eo](const Input& in) {
      Extracted x;
      if (!in.error.ok()) {
        x.out.errors.push_back({in.path, in.error});
      } else if (in.path == "-") {
        auto bytes = ReadInput("-");
        if (!bytes.ok()) {
          x.out.errors.push_back({in.path, bytes.status()});
        } else {
          x.raw_hash = RawHash(*bytes);
          x.out = ExtractBytes("-", *bytes, eo);
        }
      } else {
        auto h = RawHashFile(in.path);
        x.raw_hash = h.ok() ? *h : "";  // unreadable: ExtractFile says why
        x.out = ExtractFile(in.path, eo);
      }
      return x;
    };
    const size_t jobs = std::max<size_t>(1, opts->jobs);
    std::deque<std::future<Extracted>> pending;
    size_t next = 0;
    auto launch = [&] {
      while (next < inputs.size() && pending.size() < jobs) {
        const Input& in = inputs[next++];
        pending.push_back(std::async(std::launch::async | std::launch::deferred, extract, std::cref(in)));
      }
    };

    std::vector<InputError> errors;
    std::vector<std::string> ids;  // every article of this run, once, in order
    std::unordered_set<std::string> seen;
    Totals t;
    Progress progress("files", inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
      launch();
      Extracted x = pending.front().get();
      pending.pop_front();
      launch();  // keep the extractors busy while this file is stored
      ++t.files;
      for (auto& e : x.out.errors) errors.push_back(std::move(e));
      if (!x.out.articles.empty()) {
        PutOptions po;
        po.raw_hash = x.raw_hash;
        auto put = (*store)->Put(x.out.articles, po);
        if (!put.ok()) {
          errors.push_back({inputs[i].path, put.status()});
        } else {
          t.articles += put->size();
          for (const auto& r : *put) {
            if (r.outcome == PutOutcome::kNew) ++t.added;
            else if (r.outcome == PutOutcome::kMerged) ++t.merged;
            else ++t.unchanged;
            if (seen.insert(r.id).second) ids.push_back(r.id);
          }
        }
      }
      progress.Update(t.files, t.articles);
    }
    progress.Finish();

    // Always (unless told not to): it is incremental, and catches up after
    // earlier --no-derived runs even when this one added nothing.
    if (!opts->no_derived) {
      Status st = UpdateDerivedData(global.archive);
      if (!st.ok()) errors.push_back({global.archive, st.WithContext("updating derived data")});
    }

    for (const auto& e : errors)
      std::fprintf(stderr, "malaf ingest: %s: %s\n", e.path.c_str(), e.status.message().c_str());
    if (opts->json) {
      JsonListWriter w("articles");
      for (const auto& id : ids) {
        auto a = (*store)->Get(id);
        if (a.ok()) {
          w.Add(StoredArticleToJson(*a));
        } else {
          errors.push_back({Store::DbPath(global.archive), a.status()});
        }
      }
      nlohmann::json errs = nlohmann::json::array();
      for (const auto& e : errors) errs.push_back(InputErrorToJson(e.path, e.status));
      w.Finish({{"errors", errs},
                {"summary",
                 {{"files", t.files},
                  {"articles", t.articles},
                  {"new", t.added},
                  {"already_stored", t.merged + t.unchanged},
                  {"gained_source", t.merged}}}});
    } else {
      std::string line = fmt::format("{} article{} from {} file{} ({} new, {} already stored", t.articles,
                                     t.articles == 1 ? "" : "s", t.files, t.files == 1 ? "" : "s", t.added,
                                     t.merged + t.unchanged);
      if (t.merged > 0) line += fmt::format(", {} of them with a new source", t.merged);
      line += ")";
      if (!errors.empty()) line += fmt::format("; {} error{}", errors.size(), errors.size() == 1 ? "" : "s");
      fmt::print("{}\n", line);
    }
    return errors.empty() ? kExitOk : kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
