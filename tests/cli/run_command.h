// Runs the real `malaf` binary in a shell and captures stdout and the exit
// code; the CLI tests drive the command exactly as a user does.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace malaf::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
};

inline CommandResult RunMalaf(const std::string& args, const std::string& stdin_text = "") {
  std::string cmd = std::string(MALAF_BINARY) + " " + args;
  std::string tmp;
  if (!stdin_text.empty()) {
    char name[] = "/tmp/malaf-stdin-XXXXXX";
    int fd = mkstemp(name);
    FILE* f = fdopen(fd, "w");
    fwrite(stdin_text.data(), 1, stdin_text.size(), f);
    fclose(f);
    tmp = name;
    cmd += " < " + tmp;
  }
  cmd += " 2>/dev/null";
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  if (!tmp.empty()) std::remove(tmp.c_str());
  return r;
}

}  // namespace malaf::testing
