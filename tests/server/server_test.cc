// The HTTP API against a real server on a loopback port, over a real archive.
#include "server/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "archive/derived.h"
#include "server/tokens.h"
#include "store/store.h"

namespace malaf::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Article Make(std::string title, std::string outlet, std::string published, std::string body) {
  Article a;
  a.title = std::move(title);
  a.outlet = std::move(outlet);
  a.published = std::move(published);
  a.body = std::move(body);
  a.sources.push_back({"test", "text", 0});
  return a;
}

// A raw TCP connection to the server, for requests no well-behaved client
// would send.
int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// Sends `request` raw and returns what the server answers before closing
// (or before 10 s pass).
// With `half_close` the client says it sends nothing more, so the server
// answers and closes instead of waiting for the next kept-alive request.
std::string RawExchange(int port, const std::string& request, bool half_close) {
  int fd = Connect(port);
  if (fd < 0) return "";
  (void)send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  if (half_close) shutdown(fd, SHUT_WR);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() / ("malaf-server-test-" + std::to_string(getpid()))).string());
    fs::remove_all(*dir_);
    auto store = Store::Open(*dir_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Article> arts = {
        Make("كيري ولافروف يبحثان الهدنة في جنيف", "العربي الجديد", "2016-08-26",
             "جنيف ــ انضم المبعوث الأممي إلى اجتماع وزيري الخارجية كيري ولافروف.\n\nوقال كيري إن المحادثات بناءة."),
        Make("لافروف: نحن قريبون من اتفاق بشأن سورية", "المصدر 24", "2016-08-27",
             "أعلن وزير الخارجية الروسي سيرغي لافروف أن روسيا والولايات المتحدة قريبتان من اتفاق."),
    };
    auto put = (*store)->Put(arts);
    ASSERT_TRUE(put.ok());
    ids_ = new std::vector<std::string>;
    for (const auto& p : *put) ids_->push_back(p.id);
    ASSERT_TRUE(UpdateDerivedData(**store).ok());
    auto tok = CreateToken(**store, "test");
    ASSERT_TRUE(tok.ok());
    token_ = new std::string(*tok);

    ServerOptions so;
    so.archive = *dir_;
    so.port = 0;
    so.max_body_bytes = 1 << 20;
    so.read_timeout_s = 2;
    auto srv = Server::Create(so);
    ASSERT_TRUE(srv.ok()) << srv.status().ToString();
    server_ = srv->release();
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { (void)server_->Serve(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    fs::remove_all(*dir_);
    delete dir_;
    delete ids_;
    delete token_;
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    return c;
  }
  static json Body(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }
  // The server still answers a search after whatever came before.
  void ExpectServing(const std::string& after) {
    auto c = Client();
    auto r = c.Get("/api/v1/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81");
    ASSERT_TRUE(r) << "no answer after " << after;
    EXPECT_EQ(r->status, 200) << "after " << after;
    EXPECT_EQ(Body(r)["total"], 2) << "after " << after;
  }

  static std::string* dir_;
  static std::vector<std::string>* ids_;
  static std::string* token_;
  static Server* server_;
  static std::thread* thread_;
};

std::string* ServerTest::dir_;
std::vector<std::string>* ServerTest::ids_;
std::string* ServerTest::token_;
Server* ServerTest::server_;
std::thread* ServerTest::thread_;

TEST_F(ServerTest, HealthAndSecurityHeaders) {
  auto c = Client();
  auto r = c.Get("/api/v1/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["articles"], 2);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(ServerTest, WebAppIsServedFromTheBinary) {
  auto c = Client();
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("dir=\"rtl\""), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  auto js = c.Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
}

TEST_F(ServerTest, SearchArticlesAndShow) {
  auto c = Client();
  auto r = c.Get("/api/v1/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81");  // لافروف
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["total"], 2);
  EXPECT_TRUE(j["facets"].contains("outlet"));
  // Snippets come from the store (the index keeps no bodies).
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) EXPECT_NE(h["snippet"].get<std::string>().find("لافروف"), std::string::npos) << h;
  auto list = c.Get("/api/v1/articles?limit=1");
  ASSERT_TRUE(list);
  EXPECT_EQ(Body(list)["articles"].size(), 1u);
  auto one = c.Get(("/api/v1/articles/" + ids_->front()).c_str());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(Body(one)["id"], ids_->front());
  auto missing = c.Get("/api/v1/articles/00000000deadbeef");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Body(missing)["error"]["code"], "not_found");
}

TEST_F(ServerTest, DossierRendersWithoutAToken) {
  auto c = Client();
  json spec{{"ids", *ids_}, {"title", "ملف التجربة"}, {"format", "text"}};
  auto r = c.Post("/api/v1/dossier", spec.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body.rfind("ملف التجربة\n", 0), 0u);
  EXPECT_NE(r->body.find("عناوين الملف"), std::string::npos);
  spec["format"] = "html";
  auto h = c.Post("/api/v1/dossier", spec.dump(), "application/json");
  ASSERT_TRUE(h);
  EXPECT_NE(h->body.find("<html dir=\"rtl\" lang=\"ar\">"), std::string::npos);
  spec["format"] = "exe";
  auto bad = c.Post("/api/v1/dossier", spec.dump(), "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

// An article ingested through the server is found by the very next search
// and counted by the volume chart: every worker's index reader sees the
// write, whatever thread served the searches before it.
TEST_F(ServerTest, IngestedArticlesAreFoundAtOnce) {
  auto c = Client();
  const std::string q = "/api/v1/search?q=%D8%B2%D9%86%D8%AC%D8%A8%D9%8A%D9%84%D9%8A%D8%A9";  // زنجبيلية (invented)
  const std::string v = "/api/v1/volume?q=%D8%B2%D9%86%D8%AC%D8%A8%D9%8A%D9%84%D9%8A%D8%A9";
  for (int i = 0; i < 4; ++i) {  // several workers open their readers
    auto before = c.Get(q.c_str());
    ASSERT_TRUE(before);
    EXPECT_EQ(Body(before)["total"], 0);
  }
  httplib::Headers good{{"Authorization", "Bearer " + *token_}};
  json paste{{"name", "z.txt"}, {"text", "الرياض - واس\nأعلنت الوزارة عن مهرجان الحلوى الزنجبيلية في الرياض يوم 3 مارس 2016."}};
  auto ok = c.Post("/api/v1/ingest", good, paste.dump(), "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  for (int i = 0; i < 4; ++i) {
    auto after = c.Get(q.c_str());
    ASSERT_TRUE(after);
    EXPECT_EQ(Body(after)["total"], 1) << after->body;
    EXPECT_EQ(Body(after)["facets_exact"], true);
  }
  auto vol = c.Get(v.c_str());
  ASSERT_TRUE(vol);
  EXPECT_EQ(Body(vol)["total"], 1) << vol->body;
}

TEST_F(ServerTest, WritesNeedAValidToken) {
  auto c = Client();
  json paste{{"name", "note.txt"}, {"text", "جنيف - رويترز\nقال المتحدث باسم الأمم المتحدة إن الجولة المقبلة تبدأ الاثنين."}};
  auto none = c.Post("/api/v1/ingest", paste.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(Body(none)["error"]["code"], "unauthorized");
  httplib::Headers bad{{"Authorization", "Bearer " + std::string(64, 'a')}};
  auto wrong = c.Post("/api/v1/ingest", bad, paste.dump(), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  httplib::Headers good{{"Authorization", "Bearer " + *token_}};
  auto ok = c.Post("/api/v1/ingest", good, paste.dump(), "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(Body(ok)["articles"].size(), 1u);
  auto again = c.Post("/api/v1/ingest", good, paste.dump(), "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(Body(again)["new"], 0);  // re-ingesting adds nothing
  auto save = c.Post("/api/v1/dossiers", good, json{{"ids", *ids_}, {"title", "محفوظ"}}.dump(), "application/json");
  ASSERT_TRUE(save);
  EXPECT_EQ(save->status, 201);
  auto saved = c.Get(("/api/v1/dossiers/" + std::to_string(Body(save)["id"].get<int>()) + "?format=text").c_str());
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 200);
  EXPECT_EQ(saved->body.rfind("محفوظ\n", 0), 0u);
}

TEST_F(ServerTest, HostileRequestsGetCleanErrors) {
  auto c = Client();
  httplib::Headers good{{"Authorization", "Bearer " + *token_}};
  // Bad JSON.
  auto badjson = c.Post("/api/v1/dossier", "{not json", "application/json");
  ASSERT_TRUE(badjson);
  EXPECT_EQ(badjson->status, 400);
  EXPECT_EQ(Body(badjson)["error"]["code"], "invalid_argument");
  // Oversized body.
  auto big = c.Post("/api/v1/ingest", good, std::string(2 << 20, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  // Path traversal never reaches the file system.
  for (const char* p : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../../etc/passwd", "/etc/passwd"}) {
    auto r = c.Get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_TRUE(r->status == 400 || r->status == 404) << p << " " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << p;
    EXPECT_TRUE(Body(r).contains("error")) << p;
  }
  // A malformed date filter.
  auto q = c.Get("/api/v1/search?q=from:2016-13-45");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 400);
  // Unknown route.
  auto nope = c.Get("/api/v1/nothing-here");
  ASSERT_TRUE(nope);
  EXPECT_EQ(nope->status, 404);
  EXPECT_EQ(Body(nope)["error"]["code"], "not_found");
  // Errors never show server paths.
  EXPECT_EQ(nope->body.find(*dir_), std::string::npos);
}

// Each hostile request gets a clean 4xx JSON error (no path, no stack) and
// the server answers a search right after it.
TEST_F(ServerTest, HostileRequestsTable) {
  const std::string bearer = "Bearer " + *token_;
  struct Case {
    std::string name, method, path, auth, body, content_type;
    int status;
  };
  const std::vector<Case> cases = {
      {"ingest: bad JSON", "POST", "/api/v1/ingest", bearer, "{\"text\": ", "application/json", 400},
      {"ingest: JSON without text", "POST", "/api/v1/ingest", bearer, "{\"name\": \"a\"}", "application/json", 400},
      {"ingest: JSON array", "POST", "/api/v1/ingest", bearer, "[1,2,3]", "application/json", 400},
      {"ingest: text not a string", "POST", "/api/v1/ingest", bearer, "{\"text\": 5}", "application/json", 400},
      {"ingest: no token", "POST", "/api/v1/ingest", "", "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: empty bearer", "POST", "/api/v1/ingest", "Bearer ", "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: basic auth", "POST", "/api/v1/ingest", "Basic dXNlcjpwYXNz", "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: token not hex", "POST", "/api/v1/ingest", "Bearer ' OR 1=1 --", "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: token too long", "POST", "/api/v1/ingest", "Bearer " + std::string(5000, 'f'), "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: token prefix", "POST", "/api/v1/ingest", bearer.substr(0, bearer.size() - 1), "{\"text\": \"x\"}", "application/json", 401},
      {"ingest: oversized", "POST", "/api/v1/ingest", bearer, std::string((1 << 20) + 1, '['), "application/json", 413},
      {"dossier: bad JSON", "POST", "/api/v1/dossier", "", "{\"ids\": [", "application/json", 400},
      {"dossier: not an object", "POST", "/api/v1/dossier", "", "\"ids\"", "application/json", 400},
      {"dossier: ids not strings", "POST", "/api/v1/dossier", "", "{\"ids\": [1, 2]}", "application/json", 400},
      {"dossier: deep nesting", "POST", "/api/v1/dossier", "", std::string(100000, '[') + std::string(100000, ']'), "application/json", 400},
      {"dossier: oversized", "POST", "/api/v1/dossier", "", std::string(2 << 20, ' '), "application/json", 413},
      {"saved dossier: no token", "POST", "/api/v1/dossiers", "", "{\"ids\": []}", "application/json", 401},
      {"saved dossier: bad JSON", "POST", "/api/v1/dossiers", bearer, "{{", "application/json", 400},
      {"search: query too long", "GET", "/api/v1/search?q=" + std::string(5000, 'a'), "", "", "", 400},
      {"search: unbalanced quote", "GET", "/api/v1/search?q=%22", "", "", "", 200},
      {"search: limit not a number", "GET", "/api/v1/search?q=x&limit=-1e99", "", "", "", 200},
      {"traversal: encoded backslash", "GET", "/..%5c..%5cetc%5cpasswd", "", "", "", 400},
      {"traversal: NUL", "GET", "/index.html%00.js", "", "", "", 400},
      {"traversal: absolute", "GET", "//etc/passwd", "", "", "", 404},
      {"article: id with slash", "GET", "/api/v1/articles/..%2f..%2fmalaf.sqlite", "", "", "", 400},
  };
  auto c = Client();
  for (const auto& k : cases) {
    httplib::Headers h;
    if (!k.auth.empty()) h.emplace("Authorization", k.auth);
    httplib::Result r = k.method == "GET" ? c.Get(k.path.c_str(), h) : c.Post(k.path.c_str(), h, k.body, k.content_type.c_str());
    ASSERT_TRUE(r) << k.name;
    EXPECT_EQ(r->status, k.status) << k.name << ": " << r->body.substr(0, 300);
    if (k.status >= 400) {
      json j = Body(r);
      EXPECT_TRUE(j.contains("error") && j["error"].contains("message")) << k.name << ": " << r->body.substr(0, 300);
    }
    EXPECT_EQ(r->body.find(*dir_), std::string::npos) << k.name;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << k.name;
    EXPECT_NE(r->get_header_value("Content-Security-Policy"), "") << k.name;
    ExpectServing(k.name);
  }
}

// Requests that break HTTP itself, sent on a raw socket: each gets a 4xx
// answer or a closed connection, never a crash or a hang.
TEST_F(ServerTest, MalformedHttpIsRefused) {
  const struct {
    const char* name;
    std::string request;
    const char* status;  // expected status line prefix, "" = any 4xx or a close
  } cases[] = {
      {"huge declared body", "POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 99999999999\r\n\r\n", "HTTP/1.1 413"},
      {"negative length", "POST /api/v1/dossier HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", ""},
      {"uri too long", "GET /api/v1/search?q=" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", ""},
      {"header too long", "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: " + std::string(100000, 'a') + "\r\n\r\n", ""},
      {"garbage", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16), ""},
      {"bad chunk", "POST /api/v1/dossier HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", ""},
  };
  for (const auto& k : cases) {
    // (A 413 is sent before the body is read; a half-closed client would
    // see the connection reset instead.)
    std::string answer = RawExchange(server_->port(), k.request, *k.status == 0);
    if (*k.status) {
      EXPECT_EQ(answer.rfind(k.status, 0), 0u) << k.name << ": " << answer.substr(0, 200);
    } else if (!answer.empty()) {
      EXPECT_EQ(answer.rfind("HTTP/1.1 4", 0), 0u) << k.name << ": " << answer.substr(0, 200);
    }
    ExpectServing(k.name);
  }
}

// More slow clients than a default pool has threads: a slowloris that never
// finishes its headers and uploads that stall. The server keeps answering
// and drops each stalled client after read_timeout_s (2 s here).
TEST_F(ServerTest, ManySlowClientsDoNotStopTheServer) {
  std::vector<int> fds;
  for (int i = 0; i < 24; ++i) {
    int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    std::string partial = i % 2 ? "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: "
                                : "POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc";
    ASSERT_GT(send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), 0);
    fds.push_back(fd);
  }
  auto start = std::chrono::steady_clock::now();
  ExpectServing("24 stalled clients");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // Every stalled client is dropped once the read timeout passes.
  for (int fd : fds) {
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
    }
    EXPECT_EQ(n, 0) << "the server kept a stalled client open";
    close(fd);
  }
  ExpectServing("the stalled clients were dropped");
}

TEST_F(ServerTest, SlowClientDoesNotStopTheServer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const char partial[] = "POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc";
  ASSERT_GT(send(fd, partial, sizeof partial - 1, 0), 0);
  auto c = Client();
  auto r = c.Get("/api/v1/health");  // served while the slow client hangs
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  close(fd);
}

TEST_F(ServerTest, EveryDocumentedRouteIsServed) {
  std::ifstream in(std::string(MALAF_SOURCE_DIR) + "/src/server/web/openapi.json");
  json spec = json::parse(in, nullptr, false);
  ASSERT_FALSE(spec.is_discarded());
  auto c = Client();
  for (const auto& [path, methods] : spec["paths"].items()) {
    std::string p = "/api/v1" + path;
    for (auto [from, to] : {std::pair<std::string, std::string>{"{id}", "1"}}) {
      size_t at = p.find(from);
      if (at != std::string::npos) p.replace(at, from.size(), to);
    }
    if (p.find("/articles/1") != std::string::npos) p = "/api/v1/articles/" + ids_->front();
    if (p.find("/stories/1") != std::string::npos) p = "/api/v1/stories/abcd";  // a well-formed id
    for (const auto& [method, _] : methods.items()) {
      httplib::Result r = method == "get" ? c.Get((p + "?q=x").c_str()) : c.Post(p.c_str(), "{}", "application/json");
      ASSERT_TRUE(r) << method << " " << p;
      // Routed: any answer but "no such route".
      EXPECT_EQ(r->body.find("no such route"), std::string::npos) << method << " " << p;
    }
  }
}

}  // namespace
}  // namespace malaf::server
