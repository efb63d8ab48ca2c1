// The normalizer: each stage against its own table (only that stage on),
// the whole display and search pipelines, and idempotence as a property
// (exhaustively over the BMP, and over the real corpus text).
#include "text/normalizer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "normalizer_tables.h"
#include "text/charset.h"
#include "text/utf8.h"

namespace malaf::text {
namespace {

using testing::kPipelineRows;
using testing::kStageRows;

NormalizerOptions OnlyStage(std::string_view name, bool* found) {
  NormalizerOptions o;
  size_t n = 0;
  const NormalizerStageInfo* stages = NormalizerStages(&n);
  *found = false;
  for (size_t i = 0; i < n; ++i) {
    o.*(stages[i].option) = stages[i].name == name;
    if (stages[i].name == name) *found = true;
  }
  return o;
}

TEST(NormalizerStageTest, EachStageOnItsOwnTable) {
  for (const auto& row : kStageRows) {
    bool found = false;
    NormalizerOptions o = OnlyStage(row.stage, &found);
    ASSERT_TRUE(found) << "help: stage '" << row.stage << "' is not in kStages (src/text/normalizer_stages.cc)";
    EXPECT_EQ(Normalize(row.input, o), row.stage_out)
        << "stage " << row.stage << " alone, input '" << row.input
        << "'; help: look at that stage's map in src/text/normalizer_stages.cc";
  }
}

TEST(NormalizerStageTest, WholePipelineOnEveryStageRow) {
  for (const auto& row : kStageRows) {
    EXPECT_EQ(NormalizeDisplay(row.input), row.display) << "display, row of stage " << row.stage << ": '" << row.input << "'";
    EXPECT_EQ(SearchKey(row.input), row.search) << "search, row of stage " << row.stage << ": '" << row.input << "'";
  }
  for (const auto& row : kPipelineRows) {
    EXPECT_EQ(NormalizeDisplay(row.input), row.display) << row.input;
    EXPECT_EQ(SearchKey(row.input), row.search) << row.input;
  }
}

TEST(NormalizerStageTest, EveryStageHasATableAndCanBeSwitchedOff) {
  size_t n = 0;
  const NormalizerStageInfo* stages = NormalizerStages(&n);
  std::set<std::string_view> tabled;
  for (const auto& row : kStageRows) tabled.insert(row.stage);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_TRUE(tabled.count(stages[i].name)) << "stage " << stages[i].name << " has no rows in normalizer_tables.h";
    // Switching the stage off must change at least one of its rows.
    NormalizerOptions off;
    off.*(stages[i].option) = false;
    bool changed = false;
    for (const auto& row : kStageRows)
      if (row.stage == stages[i].name && Normalize(row.input, off) != row.search) changed = true;
    EXPECT_TRUE(changed) << "switching off " << stages[i].name << " changes none of its rows";
  }
}

TEST(NormalizerStageTest, DisplayPresetKeepsLettersAsWritten) {
  NormalizerOptions d = NormalizerOptions::ForDisplay();
  EXPECT_FALSE(d.fold_alef);
  EXPECT_FALSE(d.fold_yeh);
  EXPECT_FALSE(d.fold_teh_marbuta);
  EXPECT_FALSE(d.fold_hamza_carriers);
  EXPECT_FALSE(d.lowercase_latin);
  EXPECT_TRUE(d.strip_tashkeel);
  EXPECT_EQ(NormalizeDisplay("إلى مدرسة أحمد"), "إلى مدرسة أحمد");
}

// A tatweel run standing alone is a dash ("جنيف ــ العربي الجديد"); the
// dateline and the compound must survive display normalization. Failed
// before: the run was deleted with the stretched-letter tatweel.
TEST(NormalizerTest, LoneTatweelRunIsADashInDisplayText) {
  const std::pair<const char*, const char*> cases[] = {
      {"جنيف ــ العربي الجديد", "جنيف - العربي الجديد"},
      {"الروسية ــ الأميركية", "الروسية - الأميركية"},
      {"ــ في البداية", "- في البداية"},
      {"بـ12 ساعة", "ب12 ساعة"},           // a clitic's tatweel still goes
      {"جمـــيل جدا", "جميل جدا"},          // a stretched letter still goes
      {"نص بلا تطويل", "نص بلا تطويل"},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(NormalizeDisplay(in), want) << in;
    EXPECT_EQ(NormalizeDisplay(NormalizeDisplay(in)), want) << in;
  }
}

TEST(NormalizerTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeDisplay("a\xFF" "b"), "a\uFFFDb");
  EXPECT_EQ(NormalizeDisplay("\xD8"), "\uFFFD");           // truncated 2-byte sequence
  EXPECT_EQ(NormalizeDisplay("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_TRUE(IsValidUtf8(SearchKey("\xC0\xAF\xE0\x80\xAF\xF4\x90\x80\x80")));
}

TEST(NormalizerTest, CompositionSeesThroughDeletedCharactersAndPresentationForms) {
  EXPECT_EQ(NormalizeDisplay("ا\u0640\u0654"), "أ");        // tatweel between
  EXPECT_EQ(NormalizeDisplay("ا\u200D\u0654"), "أ");        // ZWJ between
  EXPECT_EQ(NormalizeDisplay("\uFE8D\u0654"), "أ");         // isolated alef form
  EXPECT_EQ(NormalizeDisplay("أ\u0654"), "أ");               // nothing left to compose with
  EXPECT_EQ(NormalizeDisplay("ى\u0654"), "ئ");               // hamza on a dotless yeh
  // With tashkeel kept, a second pass composes nothing more (idempotent).
  NormalizerOptions keep_marks;
  keep_marks.strip_tashkeel = false;
  for (std::string_view s : {"\uFE8D\u0654", "ا\u200D\u0654", "ى\u0654", "ا\u064E\u0654", "أ\u0654", "ە\u0654"}) {
    std::string once = Normalize(s, keep_marks);
    EXPECT_EQ(Normalize(once, keep_marks), once) << s;
  }
}

TEST(NormalizerTest, SupplementaryPlane) {
  EXPECT_EQ(NormalizeDisplay("\U0001EE01"), "ب");            // ARABIC MATHEMATICAL BEH
  EXPECT_EQ(SearchKey("𝐀𝐁"), "ab");                          // mathematical bold
  EXPECT_EQ(NormalizeDisplay("a\U000E0041b"), "ab");          // tag character
  EXPECT_EQ(NormalizeDisplay("😀"), "😀");
}

TEST(NormalizerTest, NormalizerObjectMatchesFreeFunctions) {
  Normalizer search;
  Normalizer display(NormalizerOptions::ForDisplay());
  std::string out = "prefix:";
  search.NormalizeTo("أحمد", &out);
  EXPECT_EQ(out, "prefix:احمد");
  EXPECT_EQ(display.Normalize("أحمد"), "أحمد");
  std::string k;
  AppendSearchKey("مدرسة", &k);
  EXPECT_EQ(k, "مدرسه");
}

// Property: every BMP code point (and each followed by each Arabic mark that
// composes) normalizes to a fixed point, and the search key of the display
// text is the search key of the input (so keys can be taken from display).
TEST(NormalizerPropertyTest, IdempotentOverTheWholeBmp) {
  std::string s;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    s.clear();
    AppendUtf8(c, &s);
    std::string d = NormalizeDisplay(s);
    ASSERT_EQ(NormalizeDisplay(d), d) << "U+" << std::hex << uint32_t(c);
    std::string k = SearchKey(s);
    ASSERT_EQ(SearchKey(k), k) << "U+" << std::hex << uint32_t(c);
    ASSERT_EQ(SearchKey(d), k) << "U+" << std::hex << uint32_t(c);
  }
}

TEST(NormalizerPropertyTest, IdempotentOnRandomArabicSequences) {
  // Letters, marks (incl. hamza/madda), tatweel, digits, controls, spaces,
  // presentation forms: the characters whose interplay matters.
  std::vector<char32_t> alphabet = {0x0627, 0x0648, 0x064A, 0x0649, 0x06D5, 0x06C1, 0x06D2, 0x0644, 0x0623,
                                    0x0653, 0x0654, 0x0655, 0x064B, 0x0651, 0x0670, 0x0640, 0x0660, 0x066B,
                                    0x200F, 0x200C, 0x00A0, 0xFEFB, 0xFE70, 0xFDF2, 'A', ' ', '\n', 0x06CC,
                                    0x200D, 0xFE8D, 0x0622, 0x0623, 0x0649, 0x064E, 0x06C1};
  std::mt19937 rng(42);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    int len = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < len; ++k) AppendUtf8(alphabet[rng() % alphabet.size()], &s);
    std::string d = NormalizeDisplay(s);
    ASSERT_EQ(NormalizeDisplay(d), d) << s;
    std::string key = SearchKey(s);
    ASSERT_EQ(SearchKey(key), key) << s;
    ASSERT_EQ(SearchKey(d), key) << s;
  }
  // With any one stage switched off, normalization stays idempotent.
  size_t n = 0;
  const NormalizerStageInfo* stages = NormalizerStages(&n);
  for (size_t st = 0; st < n; ++st) {
    NormalizerOptions o;
    o.*(stages[st].option) = false;
    Normalizer norm(o);
    for (int iter = 0; iter < 3000; ++iter) {
      std::string s;
      int len = 1 + static_cast<int>(rng() % 10);
      for (int k = 0; k < len; ++k) AppendUtf8(alphabet[rng() % alphabet.size()], &s);
      std::string once = norm.Normalize(s);
      ASSERT_EQ(norm.Normalize(once), once) << "stage " << stages[st].name << " off, input " << s;
    }
  }
}

TEST(NormalizerPropertyTest, IdempotentOnTheSeedDossier) {
  std::ifstream f(std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt", std::ios::binary);
  if (!f) GTEST_SKIP() << "corpus absent: " << MALAF_SHARED_CORPUS << "/seeds";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string d = NormalizeDisplay(ss.str());
  EXPECT_EQ(NormalizeDisplay(d), d);
  std::string k = SearchKey(d);
  EXPECT_EQ(SearchKey(k), k);
  EXPECT_EQ(SearchKey(ss.str()), k);
  EXPECT_EQ(d.find("\u064E"), std::string::npos);  // no fatha left
  EXPECT_EQ(d.find("\u0640"), std::string::npos);  // no tatweel left
}

}  // namespace
}  // namespace malaf::text
