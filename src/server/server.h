// The HTTP API and the web app of one archive, on one port.
//
// Routes live under /api/v1 (documented in src/server/web/openapi.json,
// which a test checks against the routes); everything else is the static
// Arabic web app compiled into the binary. No path from a request ever
// reaches the file system.
// Security: binds to loopback unless told otherwise; write endpoints
// (ingest, saving a dossier) need a token from `malaf token create`, sent as
// "Authorization: Bearer TOKEN"; bodies above ServerOptions::max_body_bytes
// get 413; slow clients are cut after read_timeout_s; every response carries
// a content-security policy; errors are JSON {"error": {code, message}} and
// never show a stack or a server path.
// Threads: requests are served by a pool of ServerOptions::threads; each
// worker thread opens its own store connection and index reader. Listen() blocks until Stop() is called
// from another thread or a signal handler.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"

namespace malaf::server {

struct ServerOptions {
  std::string archive;          // archive directory (must exist)
  std::string host = "127.0.0.1";
  int port = 8080;              // 0 = any free port (see Server::port())
  size_t max_body_bytes = 64u << 20;  // uploads; JSON bodies are capped at 1 MiB
  int read_timeout_s = 10;      // a client that sends nothing for this long is dropped
  // Worker threads. cpp-httplib keeps a thread on a connection for as long
  // as the client keeps it alive, so this bounds the clients served at once
  // (the rest wait for a free thread), not the CPU used.
  size_t threads = 64;
  int keep_alive_timeout_s = 2;  // an idle kept-alive connection frees its thread after this
  // A worker thread looks for index changes made by other processes (a
  // `malaf ingest` beside the server) at most this often; changes made
  // through this server's own ingest are seen by the next request.
  int index_recheck_ms = 1000;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds (IOError when the address is taken), then serves until Stop().
  Status Listen();
  // Binds now and returns; Serve() then runs the loop. For tests and for
  // printing the address before serving.
  Status Bind();
  Status Serve();
  void Stop();
  int port() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace malaf::server
