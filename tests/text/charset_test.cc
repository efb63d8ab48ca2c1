// Decoding: UTF-8 repair counts, charset names, and detection on bytes made
// by converting the real seed text through ICU into each encoding.
#include "text/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "text/utf8.h"

namespace malaf::text {
namespace {

struct RepairRow {
  std::string_view in;
  std::string_view out;
  size_t replaced;
};

TEST(CharsetTest, RepairTable) {
  const RepairRow rows[] = {
      {"plain ascii", "plain ascii", 0},
      {"عربي", "عربي", 0},
      {"a\xFF" "b", "a\uFFFDb", 1},
      {"\xD8", "\uFFFD", 1},                         // truncated 2-byte Arabic letter
      {"\xD8\xA7\xD8", "ا\uFFFD", 1},
      {"\xE2\x80", "\uFFFD", 1},                     // truncated 3-byte: one error
      {"\xF0\x9F\x98" "x", "\uFFFDx", 1},            // truncated 4-byte: one error
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},     // surrogate: never a valid prefix
      {"\xC0\xAF", "\uFFFD\uFFFD", 2},               // overlong
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4},  // above U+10FFFF
      {"\x80\x80", "\uFFFD\uFFFD", 2},               // stray continuation bytes
      {"ok\xE0\xA4", "ok\uFFFD", 1},
  };
  for (const auto& r : rows) {
    std::string out;
    EXPECT_EQ(RepairUtf8(r.in, &out), r.replaced) << r.out;
    EXPECT_EQ(out, r.out);
    EXPECT_TRUE(IsValidUtf8(out));
    EXPECT_EQ(IsValidUtf8(r.in), r.replaced == 0);
    auto d = Decode(r.in, {"utf-8"});
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->utf8, r.out);
    EXPECT_EQ(d->replaced, r.replaced);
  }
}

TEST(CharsetTest, ExplicitCharsetNamesAndAliases) {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"UTF-8", "utf-8"},          {"utf8", "utf-8"},           {"windows-1256", "windows-1256"},
      {"CP1256", "windows-1256"},  {"x-cp1256", "windows-1256"}, {"ISO-8859-6", "iso-8859-6"},
      {"iso-8859-6-i", "iso-8859-6"}, {"arabic", "iso-8859-6"}, {"UTF-16LE", "utf-16le"},
  };
  for (const auto& [label, name] : rows) {
    auto d = Decode("abc", {std::string(label)});
    ASSERT_TRUE(d.ok()) << label << ": " << d.status().ToString();
    EXPECT_EQ(d->charset, name) << label;
  }
  auto bad = Decode("abc", {"klingon-8"});
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().IsUnsupported());
  EXPECT_NE(bad.status().message().find("klingon-8"), std::string::npos);
}

// --- bytes made from the real seed text with ICU ---

std::string ReadSeed(const std::string& name) {
  std::ifstream f(std::string(MALAF_SHARED_CORPUS) + "/seeds/" + name, std::ios::binary);
  if (!f) return "";
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Encode(std::string_view utf8, const char* charset) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset, &err);
  EXPECT_TRUE(U_SUCCESS(err)) << charset;
  std::string out(static_cast<size_t>(u.length()) * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &err);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

// The Arabic letters of a text, in order: what must survive any round trip.
std::u32string ArabicLetters(std::string_view utf8) {
  std::u32string r;
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodePoint(utf8, i);
    if (c >= 0x0621 && c <= 0x064A) r.push_back(c);
  }
  return r;
}

// The 26 articles of the dossier (split at its lines of '=') and their first
// lines (headlines: short samples, the hard case for detection).
std::vector<std::string> SeedSamples(bool headlines) {
  std::string text = ReadSeed("dossier-geneva-2016-08.txt");
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("=====", 0) == 0) {
      if (ArabicLetters(cur).size() > 40) out.push_back(cur);
      cur.clear();
      continue;
    }
    if (headlines && !cur.empty()) continue;
    if (headlines && ArabicLetters(line).size() < 15) continue;
    cur += line + "\n";
  }
  if (ArabicLetters(cur).size() > 40) out.push_back(cur);
  return out;
}

TEST(CharsetDetectionTest, SingleByteArabicFromSeedText) {
  auto articles = SeedSamples(false);
  if (articles.empty()) GTEST_SKIP() << "corpus absent: " << MALAF_SHARED_CORPUS << "/seeds";
  EXPECT_GE(articles.size(), 20u);
  for (const char* cs : {"windows-1256", "iso-8859-6"}) {
    for (const auto& a : articles) {
      std::string bytes = Encode(a, cs);
      auto d = Decode(bytes);
      ASSERT_TRUE(d.ok());
      EXPECT_EQ(d->charset, cs) << a.substr(0, 200);
      EXPECT_EQ(ArabicLetters(d->utf8), ArabicLetters(a));
      EXPECT_TRUE(IsValidUtf8(d->utf8));
    }
  }
}

TEST(CharsetDetectionTest, ShortHeadlinesAreMostlyRight) {
  auto lines = SeedSamples(true);
  if (lines.empty()) GTEST_SKIP() << "corpus absent";
  size_t right = 0, total = 0;
  for (const char* cs : {"windows-1256", "iso-8859-6"}) {
    for (const auto& l : lines) {
      auto d = Decode(Encode(l, cs));
      ASSERT_TRUE(d.ok());
      right += d->charset == cs;
      ++total;
    }
  }
  EXPECT_GE(right * 100, total * 95) << right << " of " << total << " headlines detected";
  std::printf("charset detection on headlines: %zu of %zu right\n", right, total);
}

TEST(CharsetDetectionTest, ExplicitCharsetWinsOverDetection) {
  auto articles = SeedSamples(false);
  if (articles.empty()) GTEST_SKIP() << "corpus absent";
  std::string bytes = Encode(articles[0], "windows-1256");
  auto d = Decode(bytes, {"iso-8859-6"});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "iso-8859-6");
  EXPECT_NE(ArabicLetters(d->utf8), ArabicLetters(articles[0]));  // wrongly declared: garbled, as asked
  EXPECT_GT(d->replaced, 0u);  // cp1256 letters undefined in ISO-8859-6 are counted
}

TEST(CharsetDetectionTest, Utf16WithAndWithoutBom) {
  auto articles = SeedSamples(false);
  if (articles.empty()) GTEST_SKIP() << "corpus absent";
  for (size_t k = 0; k < 5 && k < articles.size(); ++k) {
    const std::string& a = articles[k];
    struct Case { std::string bytes; std::string_view charset; };
    Case cases[] = {
        {"\xFF\xFE" + Encode(a, "UTF-16LE"), "utf-16le"},
        {"\xFE\xFF" + Encode(a, "UTF-16BE"), "utf-16be"},
        {Encode(a, "UTF-16LE"), "utf-16le"},
        {Encode(a, "UTF-16BE"), "utf-16be"},
        {"\xEF\xBB\xBF" + a, "utf-8"},
    };
    for (const auto& c : cases) {
      auto d = Decode(c.bytes);
      ASSERT_TRUE(d.ok());
      EXPECT_EQ(d->charset, c.charset);
      EXPECT_EQ(d->utf8, a) << "BOM removed, text exact";
      EXPECT_EQ(d->replaced, 0u);
    }
    // A BOM wins over a declared charset.
    auto d = Decode("\xFF\xFE" + Encode(a, "UTF-16LE"), {"windows-1256"});
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->charset, "utf-16le");
  }
}

TEST(CharsetDetectionTest, DamagedUtf8StaysUtf8) {
  auto articles = SeedSamples(false);
  if (articles.empty()) GTEST_SKIP() << "corpus absent";
  std::string a = articles[1];
  a[a.size() / 2] = '\xFF';
  a[a.size() / 3] = '\xC0';
  auto d = Decode(a);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "utf-8");
  EXPECT_GE(d->replaced, 2u);
  EXPECT_LE(d->replaced, 4u);
}

TEST(CharsetTest, PureAsciiAndEmpty) {
  auto d = Decode("");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "utf-8");
  EXPECT_EQ(d->utf8, "");
  d = Decode("hello");
  EXPECT_EQ(d->utf8, "hello");
}

}  // namespace
}  // namespace malaf::text
