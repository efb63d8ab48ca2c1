// Output conventions shared by all subcommands: JSON to stdout for --json,
// readable Arabic text otherwise; errors as one line on stderr (and as the
// JSON error object on stdout with --json).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace malaf::cli {

// Writes `j` with two-space indent and a newline to stdout.
void PrintJson(const nlohmann::json& j);

// Reports a failure: "malaf COMMAND: message" on stderr, and with `json` also
// the error object on stdout. Returns the exit code to use (1, or 2 for
// invalid_argument).
int ReportError(std::string_view command, const Status& status, bool json);

// Reads a whole file, or stdin for "-". Names the file in the error.
Result<std::string> ReadInput(const std::string& path);

// Opens FILE for writing, or stdout for "-" or "".
Result<std::FILE*> OpenOutput(const std::string& path);

// True when stderr is a terminal (progress is shown only then).
bool StderrIsTerminal();

// Progress line on stderr ("12/40 files, 310 articles/s, 8 s left"),
// redrawn in place; does nothing when stderr is not a terminal.
class Progress {
 public:
  Progress(std::string_view what, size_t total);
  void Update(size_t done, size_t articles);
  void Finish();

 private:
  std::string what_;
  size_t total_;
  double start_;
  double last_ = 0;
  bool enabled_;
};

}  // namespace malaf::cli
