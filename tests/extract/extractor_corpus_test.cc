// Extraction on the real corpus (../shared/corpus): the seed dossier and a
// SaudiNewsNet zip. Labelled "corpus", not "unit": too slow under the
// sanitizers, and skipped when the corpus is absent.
#include "extract/extractor.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extract/archive_reader.h"
#include "extract/dossier_reader.h"
#include "extract/outlets.h"

namespace malaf {
namespace {

std::string Corpus(const std::string& name) { return std::string(MALAF_SHARED_CORPUS) + "/" + name; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ExtractorSeedTest, DossierBecomesTwentySixArticles) {
  std::string path = Corpus("seeds/dossier-geneva-2016-08.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus absent: " << path;
  ExtractOutput out = ExtractFile(path, {});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  ASSERT_EQ(out.articles.size(), 26u);
  auto d = ReadDossier(ReadFile(path));
  ASSERT_TRUE(d.ok());
  size_t dated = 0;
  for (size_t i = 0; i < out.articles.size(); ++i) {
    const Article& a = out.articles[i];
    const DossierEntry& e = d->contents[i];  // the seed's sections follow its contents
    // The contents' name, or the registry's canonical name for it.
    std::string canonical = CanonicalOutlet(e.outlet);
    EXPECT_TRUE(a.outlet == e.outlet || a.outlet == canonical) << i << ": " << a.outlet << " vs " << e.outlet;
    EXPECT_EQ(a.title, e.headline) << i;
    EXPECT_FALSE(a.body.empty()) << i;
    EXPECT_EQ(a.sources[0].format, "dossier");
    EXPECT_EQ(a.sources[0].index, static_cast<int>(i));
    if (!a.published.empty()) ++dated;
    // Relative dates resolve against the dossier's date, never after it.
    if (!a.published.empty()) {
      EXPECT_LE(a.published.substr(0, 10), std::string("2016-08-27")) << i << " " << a.published;
    }
  }
  EXPECT_GE(dated, 15u);
}

TEST(ExtractorSeedTest, SaudiNewsNetZip) {
  std::string path = Corpus("saudinewsnet/2015-07-23.zip");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus absent: " << path;
  auto t0 = std::chrono::steady_clock::now();
  ExtractOutput out = ExtractFile(path, {});
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  // Every record of the one JSON array that holds an article (a title or a
  // text), counted here with a DOM parse of the unzipped member.
  auto members = ReadArchive(ReadFile(path));
  ASSERT_TRUE(members.ok() && members->size() == 1u);
  auto records = nlohmann::json::parse((*members)[0].bytes);
  auto has_words = [](const std::string& s) {  // an ASCII letter/digit or an Arabic-block character
    for (unsigned char c : s)
      if (std::isalnum(c) || (c >= 0xD8 && c <= 0xDB)) return true;
    return false;
  };
  size_t expected = 0;
  for (const auto& r : records)
    expected += has_words(r.value("title", std::string())) || has_words(r.value("content", std::string()));
  ASSERT_EQ(records.size(), 1318u);
  ASSERT_EQ(out.articles.size(), expected);
  size_t with_title = 0, with_body = 0, with_url = 0, with_outlet = 0, with_date = 0;
  for (const Article& a : out.articles) {
    with_title += !a.title.empty();
    with_body += !a.body.empty();
    with_url += a.url.rfind("http", 0) == 0;
    with_outlet += !a.outlet.empty();
    with_date += !a.published.empty();
    EXPECT_EQ(a.sources[0].format, "json");
    EXPECT_NE(a.sources[0].path.find(".zip!"), std::string::npos);
  }
  EXPECT_EQ(with_url, out.articles.size());
  EXPECT_EQ(with_outlet, out.articles.size());
  EXPECT_GT(with_title, out.articles.size() * 95 / 100);
  EXPECT_GT(with_body, out.articles.size() * 95 / 100);
  EXPECT_EQ(with_date, out.articles.size());
  std::cout << "saudinewsnet 2015-07-23.zip: " << out.articles.size() << " articles in " << secs << " s\n";
}

}  // namespace
}  // namespace malaf
