// malaf serve [--host 127.0.0.1] [--port 8080]: the HTTP API and web app.
#include <csignal>
#include <cstdio>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "server/server.h"

namespace malaf::cli {
namespace {
server::Server* g_server = nullptr;
void OnSignal(int) {
  if (g_server) g_server->Stop();
}
}  // namespace

Subcommand RegisterServe(CLI::App& root, const GlobalOptions& global) {
  auto opts = std::make_shared<server::ServerOptions>();
  Subcommand s;
  s.app = root.add_subcommand("serve", "Serve the HTTP API and the Arabic web app for the archive");
  s.app->add_option("--host", opts->host, "Address to bind (default 127.0.0.1: this machine only)");
  s.app->add_option("--port", opts->port, "Port (0 = any free port)")->check(CLI::Range(0, 65535));
  s.app->add_option("--max-body", opts->max_body_bytes, "Largest upload in bytes");
  s.run = [opts, &global] {
    opts->archive = global.archive;
    auto srv = server::Server::Create(*opts);
    if (!srv.ok()) return ReportError("serve", srv.status().WithContext(global.archive), false);
    Status bound = (*srv)->Bind();
    if (!bound.ok()) return ReportError("serve", bound, false);
    std::fprintf(stderr, "malaf serve: http://%s:%d/ (archive %s; Ctrl-C stops)\n", opts->host.c_str(),
                 (*srv)->port(), global.archive.c_str());
    std::fflush(stderr);
    g_server = srv->get();
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    std::signal(SIGPIPE, SIG_IGN);
    Status served = (*srv)->Serve();
    g_server = nullptr;
    if (!served.ok()) return ReportError("serve", served, false);
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
