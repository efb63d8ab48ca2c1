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
