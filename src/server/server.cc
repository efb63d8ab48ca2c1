#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <span>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <string_view>

#include "archive/derived.h"
#include "dossier/dossier.h"
#include "extract/article_json.h"
#include "extract/extractor.h"
#include "search/search_json.h"
#include "search/searcher.h"
#include "server/api_extra.h"
#include "server/tokens.h"
#include "store/store.h"

namespace malaf::embedded {
std::span<const std::pair<std::string_view, std::string_view>> WebFiles();
}

namespace malaf::server {
namespace {

using nlohmann::json;

constexpr size_t kMaxJsonBody = 1u << 20;
constexpr std::string_view kWebPrefix = "src/server/web/";

constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

std::optional<std::string_view> WebFile(std::string_view name) {
  for (const auto& [path, bytes] : embedded::WebFiles())
    if (path.substr(0, kWebPrefix.size()) == kWebPrefix && path.substr(kWebPrefix.size()) == name) return bytes;
  return std::nullopt;
}

std::string ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".webmanifest")) return "application/manifest+json";
  return "application/octet-stream";
}

void SendJson(httplib::Response& res, const json& j, int status = 200) {
  res.status = status;
  res.set_content(DumpJson(j), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  SendJson(res, json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}}, status);
}

// Status -> HTTP. Server-side failures get a fixed message: their own
// messages may name files on the server.
void SendStatus(httplib::Response& res, const Status& s) {
  if (s.IsNotFound()) return SendError(res, 404, "not_found", s.message());
  if (s.IsInvalidArgument()) return SendError(res, 400, "invalid_argument", s.message());
  if (s.IsResourceExhausted()) return SendError(res, 413, "too_large", s.message());
  if (s.IsUnsupported()) return SendError(res, 415, "unsupported", s.message());
  std::fprintf(stderr, "malaf serve: %s\n", s.ToString().c_str());  // the operator's log, not the client's
  return SendError(res, 500, "internal", "the archive could not be read or written; see the server log");
}

size_t ParamSize(const httplib::Request& req, const char* name, size_t def, size_t max) {
  if (!req.has_param(name)) return def;
  const std::string& v = req.get_param_value(name);
  size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return def;
    n = n * 10 + static_cast<size_t>(c - '0');
    if (n > max) return max;
  }
  return v.empty() ? def : n;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  std::mutex write_mu;  // one writer at a time: ingest and saved dossiers
  std::atomic<bool> bound{false};
  int port = 0;

  // Per worker thread: a store connection and an index reader (neither is
  // safe to share between threads).
  struct Worker {
    std::string archive;
    std::unique_ptr<Store> store;
    std::unique_ptr<search::Searcher> searcher;
  };

  Result<Store*> WorkerStore() {
    thread_local Worker w;
    if (!w.store || w.archive != options.archive) {
      StoreOptions so;
      so.create_if_missing = false;
      auto s = Store::Open(options.archive, so);
      if (!s.ok()) return s.status();
      w.store = std::move(s).value();
      w.searcher.reset();
      w.archive = options.archive;
    }
    return w.store.get();
  }

  // Bumped after every write through this server, so that each worker's
  // index reader sees it on its next request.
  std::atomic<uint64_t> generation{0};

  Result<search::Searcher*> WorkerSearcher() {
    thread_local Worker w;
    thread_local uint64_t seen_generation = 0;
    thread_local std::chrono::steady_clock::time_point checked;
    auto now = std::chrono::steady_clock::now();
    uint64_t gen = generation.load(std::memory_order_acquire);
    if (!w.searcher || w.archive != options.archive) {
      auto s = search::Searcher::Open(options.archive + "/index");
      if (!s.ok()) return s.status();
      w.searcher = std::move(s).value();
      w.archive = options.archive;
      seen_generation = gen;
      checked = now;
    } else if (gen != seen_generation || now - checked >= std::chrono::milliseconds(options.index_recheck_ms)) {
      // Reopening reads the index's version file: cheap, but not free at
      // a thousand searches a second, so it is done on a change or a timer.
      MALAF_RETURN_IF_ERROR(w.searcher->Reopen());
      seen_generation = gen;
      checked = now;
    }
    return w.searcher.get();
  }

  // REQUIRES: called from a request handler. Returns false after sending 401.
  bool Authorized(const httplib::Request& req, httplib::Response& res) {
    std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.compare(0, kBearer.size(), kBearer) != 0) {
      SendError(res, 401, "unauthorized", "this endpoint needs a token: malaf token create");
      return false;
    }
    auto store = WorkerStore();
    if (!store.ok()) {
      SendStatus(res, store.status());
      return false;
    }
    auto ok = CheckToken(**store, std::string_view(auth).substr(kBearer.size()));
    if (!ok.ok() || !*ok) {
      SendError(res, 401, "unauthorized", "the token is not valid for this archive");
      return false;
    }
    return true;
  }

  void Routes();
  void Ingest(const httplib::Request& req, httplib::Response& res);
  void RenderDossier(const json& spec, httplib::Response& res);
};

void Server::Impl::Routes() {
  auto& h = http;

  h.set_payload_max_length(options.max_body_bytes);
  h.set_read_timeout(options.read_timeout_s, 0);
  h.set_write_timeout(options.read_timeout_s, 0);
  h.set_keep_alive_max_count(1000);
  h.set_keep_alive_timeout(options.keep_alive_timeout_s);
  // cpp-httplib writes the headers and the body of a response in separate
  // sends; with Nagle's algorithm on, the body then waits for the client's
  // delayed ACK (40 ms on Linux) on every kept-alive request.
  h.set_tcp_nodelay(true);
  const size_t threads = std::max<size_t>(options.threads, 1);
  h.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  h.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.size() > 2048 || req.path.find("..") != std::string::npos ||
        req.path.find('\\') != std::string::npos || req.path.find('\0') != std::string::npos) {
      SendError(res, 400, "invalid_argument", "bad path");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  h.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
  });
  h.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "internal error");
  });
  h.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    switch (res.status) {
      case 404: SendError(res, 404, "not_found", "no such route: " + req.path.substr(0, 200)); break;
      case 413: SendError(res, 413, "too_large", "request body too large"); break;
      case 400: SendError(res, 400, "invalid_argument", "bad request"); break;
      case 405: SendError(res, 405, "method_not_allowed", "method not allowed"); break;
      default: SendError(res, res.status, "error", "request failed");
    }
  });

  // Static web app.
  auto serve_file = [](std::string_view name, httplib::Response& res) {
    auto f = WebFile(name);
    if (!f) return SendError(res, 404, "not_found", "no such file");
    res.set_content(std::string(*f), ContentType(name).c_str());
  };
  h.Get("/", [serve_file](const httplib::Request&, httplib::Response& res) { serve_file("index.html", res); });
  h.Get(R"(/([a-z0-9_-]+\.(?:html|js|css|svg|json|webmanifest)))",
        [serve_file](const httplib::Request& req, httplib::Response& res) { serve_file(req.matches[1].str(), res); });
  h.Get("/api/openapi.json", [serve_file](const httplib::Request&, httplib::Response& res) {
    serve_file("openapi.json", res);
  });

  h.Get("/api/v1/health", [this](const httplib::Request&, httplib::Response& res) {
    auto store = WorkerStore();
    if (!store.ok()) return SendStatus(res, store.status());
    auto n = (*store)->Count();
    if (!n.ok()) return SendStatus(res, n.status());
    SendJson(res, {{"status", "ok"}, {"version", MALAF_VERSION}, {"articles", *n}});
  });

  h.Get("/api/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
    std::string q = req.get_param_value("q");
    if (q.size() > 4096) return SendError(res, 400, "invalid_argument", "query longer than 4096 bytes");
    auto searcher = WorkerSearcher();
    if (!searcher.ok()) return SendStatus(res, searcher.status());
    auto store = WorkerStore();
    if (!store.ok()) return SendStatus(res, store.status());
    search::SearchOptions so;
    // The index keeps no bodies; snippets come from the store.
    so.body_of = [st = *store](const std::string& id) {
      auto body = st->GetBody(id);
      return body.ok() ? std::move(*body) : std::string();
    };
    // facets=0: a client that shows no facets saves counting them.
    so.facets = req.get_param_value("facets") != "0";
    so.limit = ParamSize(req, "limit", 20, 100);
    so.offset = ParamSize(req, "offset", 0, 100000);
    if (req.get_param_value("sort") == "date") so.sort = search::SortOrder::kDate;
    auto r = (*searcher)->Search(q, so);
    if (!r.ok()) return SendStatus(res, r.status());
    SendJson(res, search::SearchResultsToJson(*r));
  });

  h.Get("/api/v1/articles", [this](const httplib::Request& req, httplib::Response& res) {
    auto store = WorkerStore();
    if (!store.ok()) return SendStatus(res, store.status());
    ListOptions lo;
    lo.limit = static_cast<int64_t>(ParamSize(req, "limit", 50, 500));
    lo.offset = static_cast<int64_t>(ParamSize(req, "offset", 0, 10000000));
    auto list = (*store)->List(lo);
    if (!list.ok()) return SendStatus(res, list.status());
    auto total = (*store)->Count();
    json arts = json::array();
    for (const auto& sa : *list) arts.push_back(ArticleToJson(sa.article, true));
    SendJson(res, {{"articles", arts}, {"errors", json::array()}, {"total", total.ok() ? *total : 0}});
  });

  h.Get(R"(/api/v1/articles/([0-9a-f]{4,16}))", [this](const httplib::Request& req, httplib::Response& res) {
    auto store = WorkerStore();
    if (!store.ok()) return SendStatus(res, store.status());
    auto id = (*store)->ResolveId(req.matches[1].str());
    if (!id.ok()) return SendStatus(res, id.status());
    auto a = (*store)->Get(*id);
    if (!a.ok()) return SendStatus(res, a.status());
    SendJson(res, ArticleToJson(a->article, true));
  });

  h.Post("/api/v1/ingest", [this](const httplib::Request& req, httplib::Response& res) { Ingest(req, res); });

  h.Post("/api/v1/dossier", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > kMaxJsonBody) return SendError(res, 413, "too_large", "dossier request over 1 MiB");
    json spec = json::parse(req.body, nullptr, false);
    if (spec.is_discarded() || !spec.is_object())
      return SendError(res, 400, "invalid_argument", "body must be a JSON object");
    RenderDossier(spec, res);
  });

  RegisterExtraRoutes(h, ExtraContext{
                             [this]() { return WorkerStore(); },
                             [this]() { return WorkerSearcher(); },
                             [this](const httplib::Request& req, httplib::Response& res) { return Authorized(req, res); },
                             [this](const json& spec, httplib::Response& res) { RenderDossier(spec, res); },
                             &write_mu,
                         });
}

void Server::Impl::Ingest(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res)) return;
  // Inputs: multipart files, or a JSON {"name", "text", "format"} paste.
  std::vector<std::pair<std::string, std::string>> inputs;
  ExtractOptions eo;
  if (req.is_multipart_form_data()) {
    for (const auto& [field, file] : req.files) {
      if (field == "format") { eo.format = file.content; continue; }
      if (field == "reference_date") { eo.reference_date = file.content; continue; }
      std::string name = file.filename.empty() ? field : file.filename;
      // Only the base name is kept: provenance must never look like a
      // server path.
      name = std::filesystem::path(name).filename().string();
      if (name.empty()) name = "upload";
      inputs.emplace_back("upload:" + name, file.content);
    }
  } else {
    if (req.body.size() > options.max_body_bytes) return SendError(res, 413, "too_large", "body too large");
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
      return SendError(res, 400, "invalid_argument", "send files as multipart/form-data or JSON {\"text\": ...}");
    std::string name = j.value("name", std::string("pasted.txt"));
    name = std::filesystem::path(name).filename().string();
    if (name.empty()) name = "pasted.txt";
    eo.format = j.value("format", std::string());
    eo.reference_date = j.value("reference_date", std::string());
    inputs.emplace_back("paste:" + name, j["text"].get<std::string>());
  }
  if (inputs.empty()) return SendError(res, 400, "invalid_argument", "no files in the request");

  std::lock_guard<std::mutex> lock(write_mu);
  auto store = WorkerStore();
  if (!store.ok()) return SendStatus(res, store.status());
  json arts = json::array(), errors = json::array();
  size_t stored_new = 0;
  for (const auto& [name, bytes] : inputs) {
    ExtractOutput out = ExtractBytes(name, bytes, eo);
    for (const auto& e : out.errors) errors.push_back(InputErrorToJson(e.path, e.status));
    if (out.articles.empty()) {
      if (out.errors.empty()) errors.push_back(InputErrorToJson(name, Status::Corruption("no article found")));
      continue;
    }
    PutOptions po;
    po.raw_hash = RawHash(bytes);
    auto put = (*store)->Put(out.articles, po);
    if (!put.ok()) {
      errors.push_back(InputErrorToJson(name, Status::IOError("could not store the articles")));
      continue;
    }
    for (const auto& pr : *put) {
      if (pr.outcome == PutOutcome::kNew) ++stored_new;
      auto a = (*store)->Get(pr.id);
      if (a.ok()) arts.push_back(ArticleToJson(a->article, true));
    }
  }
  DerivedStats ds;
  Status derived = UpdateDerivedData(**store, &ds);
  generation.fetch_add(1, std::memory_order_release);
  json body{{"articles", arts}, {"errors", errors}, {"new", stored_new}};
  if (!derived.ok()) body["warning"] = "articles stored; derived data not updated";
  SendJson(res, body, arts.empty() && !errors.empty() ? 422 : 200);
}

void Server::Impl::RenderDossier(const json& spec, httplib::Response& res) {
  auto store = WorkerStore();
  if (!store.ok()) return SendStatus(res, store.status());
  dossier::ComposeOptions co;
  co.title = spec.value("title", std::string());
  co.preparer = spec.value("preparer", std::string());
  co.date = spec.value("date", std::string());
  std::string order = spec.value("order", std::string("time"));
  co.order = order == "outlet" ? dossier::Order::kOutlet
             : order == "relevance" || order == "given" ? dossier::Order::kRelevance
                                                         : dossier::Order::kTime;
  co.collapse_duplicates = spec.value("collapse_duplicates", false);
  std::string format = spec.value("format", std::string("html"));
  std::vector<Article> articles;
  if (!spec.contains("ids") || !spec["ids"].is_array() || spec["ids"].empty())
    return SendError(res, 400, "invalid_argument", "\"ids\" must list the articles of the dossier");
  if (spec["ids"].size() > 2000) return SendError(res, 413, "too_large", "at most 2000 articles in one dossier");
  for (const auto& v : spec["ids"]) {
    if (!v.is_string()) return SendError(res, 400, "invalid_argument", "ids must be strings");
    auto id = (*store)->ResolveId(v.get<std::string>());
    if (!id.ok()) return SendStatus(res, id.status());
    auto a = (*store)->Get(*id);
    if (!a.ok()) return SendStatus(res, a.status());
    articles.push_back(std::move(a->article));
  }
  if (co.title.empty()) co.title = articles.front().title;
  if (co.collapse_duplicates) co.duplicate_groups = DuplicateGroupsFor(**store, articles);
  dossier::Dossier d = dossier::Compose(std::move(articles), co);
  d.quote_digest = spec.value("quotes", false);
  std::string disposition = "attachment; filename=\"dossier.";
  if (format == "text" || format == "txt") {
    res.set_header("Content-Disposition", disposition + "txt\"");
    res.set_content(dossier::RenderText(d), "text/plain; charset=utf-8");
  } else if (format == "md" || format == "markdown") {
    res.set_header("Content-Disposition", disposition + "md\"");
    res.set_content(dossier::RenderMarkdown(d), "text/markdown; charset=utf-8");
  } else if (format == "json") {
    SendJson(res, dossier::RenderJson(d));
  } else if (format == "html") {
    res.set_header("Content-Disposition", disposition + "html\"");
    res.set_content(dossier::RenderHtml(d), "text/html; charset=utf-8");
  } else if (format == "pdf") {
    std::error_code ec;
    auto dir = std::filesystem::temp_directory_path(ec) / ("malaf-pdf-" + std::to_string(::getpid()) + "-" +
                                                           std::to_string(std::hash<std::thread::id>()(std::this_thread::get_id())));
    std::filesystem::create_directories(dir, ec);
    std::string html = (dir / "dossier.html").string(), pdf = (dir / "dossier.pdf").string();
    Status st = dossier::RenderPdf(d, html, pdf);
    if (!st.ok()) {
      std::filesystem::remove_all(dir, ec);
      return SendError(res, 503, "unavailable", "PDF rendering is not available on this server");
    }
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::filesystem::remove_all(dir, ec);
    res.set_header("Content-Disposition", disposition + "pdf\"");
    res.set_content(ss.str(), "application/pdf");
  } else {
    SendError(res, 400, "invalid_argument", "format must be text, html, md, json or pdf");
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  StoreOptions so;
  so.create_if_missing = false;
  auto store = Store::Open(options.archive, so);
  if (!store.ok()) return store.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Bind() {
  if (impl_->options.port == 0) {
    int p = impl_->http.bind_to_any_port(impl_->options.host);
    if (p <= 0) return Status::IOError("cannot bind " + impl_->options.host);
    impl_->port = p;
  } else {
    if (!impl_->http.bind_to_port(impl_->options.host, impl_->options.port))
      return Status::IOError("cannot bind " + impl_->options.host + ":" + std::to_string(impl_->options.port) +
                             " (address in use?)");
    impl_->port = impl_->options.port;
  }
  impl_->bound = true;
  return Status::OK();
}

Status Server::Serve() {
  if (!impl_->bound) return Status::InvalidArgument("Serve() before Bind()");
  if (!impl_->http.listen_after_bind()) return Status::IOError("server stopped with an error");
  return Status::OK();
}

Status Server::Listen() {
  MALAF_RETURN_IF_ERROR(Bind());
  return Serve();
}

void Server::Stop() { impl_->http.stop(); }
int Server::port() const { return impl_->port; }

}  // namespace malaf::server
