#include "cli/cli_output.h"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "extract/article_json.h"

namespace malaf::cli {
namespace {
double Now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void PrintJson(const nlohmann::json& j) {
  std::string s = DumpJson(j, 2);
  s += '\n';
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fflush(stdout);
}

int ReportError(std::string_view command, const Status& status, bool json) {
  std::fprintf(stderr, "malaf %.*s: %s\n", int(command.size()), command.data(),
               status.message().c_str());
  if (json) PrintJson(ErrorToJson(status));
  return status.IsInvalidArgument() ? 2 : 1;
}

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return s;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  return ss.str();
}

Result<std::FILE*> OpenOutput(const std::string& path) {
  if (path.empty() || path == "-") return stdout;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot open for writing");
  return f;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string_view what, size_t total)
    : what_(what), total_(total), start_(Now()), enabled_(StderrIsTerminal()) {}

void Progress::Update(size_t done, size_t articles) {
  if (!enabled_) return;
  double now = Now();
  if (now - last_ < 0.2 && done < total_) return;
  last_ = now;
  double elapsed = now - start_;
  double rate = elapsed > 0 ? articles / elapsed : 0;
  double left = done > 0 && total_ > done ? elapsed * double(total_ - done) / double(done) : 0;
  std::fprintf(stderr, "\r%zu/%zu %s, %.0f articles/s, %.0f s left   ", done, total_,
               what_.c_str(), rate, left);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_) return;
  std::fprintf(stderr, "\n");
}

}  // namespace malaf::cli
