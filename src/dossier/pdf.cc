// PDF through headless Chromium: the browser that renders the HTML dossier
// for people also prints it, so the PDF matches what the browser test sees.
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dossier/dossier.h"

extern char** environ;

namespace malaf::dossier {

Status RenderPdf(const Dossier& d, const std::string& html_path, const std::string& pdf_path) {
  const char* env = std::getenv("MALAF_CHROMIUM");
  std::string chromium = env && *env ? env : "/usr/bin/chromium";
  if (access(chromium.c_str(), X_OK) != 0)
    return Status::Unsupported("PDF needs Chromium at " + chromium + " (apt-get install chromium)");
  {
    std::ofstream out(html_path, std::ios::binary);
    out << RenderHtml(d);
    if (!out) return Status::IOError(html_path + ": cannot write");
  }
  std::error_code ec;
  std::string profile = (std::filesystem::temp_directory_path(ec) / "malaf-chromium-XXXXXX").string();
  std::vector<char> tmpl(profile.begin(), profile.end());
  tmpl.push_back('\0');
  if (!mkdtemp(tmpl.data())) return Status::IOError("cannot create a Chromium profile directory");
  profile = tmpl.data();
  std::string abs_html = std::filesystem::absolute(html_path, ec).string();
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + profile,
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf-no-header",
                                   "--print-to-pdf=" + pdf_path,
                                   "file://" + abs_html};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int rc = posix_spawn(&pid, chromium.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    std::filesystem::remove_all(profile, ec);
    return Status::IOError("cannot start " + chromium);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::filesystem::remove_all(profile, ec);
  struct stat st;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || stat(pdf_path.c_str(), &st) != 0 || st.st_size == 0)
    return Status::IOError("Chromium did not produce " + pdf_path);
  return Status::OK();
}

}  // namespace malaf::dossier
