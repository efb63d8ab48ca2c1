// malaf analyze [--json] [FILE|-]: the debugging window into src/text.
#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "text/analyzer.h"
#include "text/charset.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::cli {

Subcommand RegisterAnalyze(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    bool punct = false;
    std::string input = "-";
    std::string charset;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("analyze", "Show each token: text, offsets, type, normalized form, stem, name key");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--charset", opts->charset, "Input charset (default: detect)");
  s.app->add_flag("--punct", opts->punct, "Also list punctuation tokens (quotes, Arabic punctuation)");
  s.app->add_option("input", opts->input, "Text file, or - for stdin")->default_val("-");
  s.run = [opts] {
    auto raw = ReadInput(opts->input);
    if (!raw.ok()) return ReportError("analyze", raw.status(), opts->json);
    text::DecodeOptions dopt;
    dopt.charset = opts->charset;
    auto dec = text::Decode(*raw, dopt);
    if (!dec.ok()) return ReportError("analyze", dec.status().WithContext(opts->input), opts->json);
    std::string display = text::NormalizeDisplay(dec->utf8);
    text::TokenizerOptions topt;
    topt.emit_punctuation = opts->punct;
    auto tokens = text::Analyze(display, topt);
    if (opts->json) {
      nlohmann::json toks = nlohmann::json::array();
      for (const auto& t : tokens) {
        toks.push_back({{"text", std::string(t.token.text)},
                        {"start", t.token.start},
                        {"end", t.token.end},
                        {"type", std::string(text::TokenTypeName(t.token.type))},
                        {"normalized", t.key},
                        {"stem", t.stem},
                        {"name_key", t.name},
                        {"stopword", t.stopword}});
      }
      PrintJson({{"charset", dec->charset},
                 {"replaced", dec->replaced},
                 {"display", display},
                 {"versions",
                  {{"normalizer", text::kNormalizerVersion},
                   {"stemmer", text::kStemmerVersion},
                   {"name_key", text::kNameKeyVersion}}},
                 {"tokens", toks}});
      return kExitOk;
    }
    for (const auto& t : tokens) {
      fmt::print("{}\t{}-{}\t{}\t{}\t{}\t{}{}\n", t.token.text, t.token.start, t.token.end,
                 text::TokenTypeName(t.token.type), t.key, t.stem, t.name, t.stopword ? "\t(stop)" : "");
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
