// Reads bench/dates_cases.tsv and prints, per case, what malaf's DateParser
// reads: "index <TAB> iso". Then times FindAll over a file given as the
// second argument (bytes per second, best of 5 runs). Used by
// bench/run-dates.sh next to Python's dateparser.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "base/data_files.h"
#include "extract/date_parser.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: dates_bench CASES.tsv [TEXT_FILE]\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string cases = ss.str();
  const malaf::DateParser& p = malaf::DateParser::Default();
  int index = 0;
  for (const auto& row : malaf::ReadTable(cases)) {
    if (row.size() < 3) continue;
    malaf::DateContext ctx;
    if (auto r = malaf::ParseReferenceTime(row[1]); r.ok()) ctx.reference = *r;
    std::string iso;
    if (auto m = p.Find(row[0], ctx)) iso = m->iso;
    else if (auto all = p.FindAll(row[0], ctx); !all.empty()) iso = all.front().iso;
    std::cout << index++ << "\t" << iso << "\n";
  }
  if (argc > 2) {
    std::ifstream t(argv[2]);
    std::stringstream ts;
    ts << t.rdbuf();
    std::string text = ts.str();
    malaf::DateContext ctx;
    ctx.reference = *malaf::ParseReferenceTime("2016-08-27");
    double best = 1e9;
    size_t found = 0;
    for (int run = 0; run < 5; ++run) {
      auto t0 = std::chrono::steady_clock::now();
      found = p.FindAll(text, ctx).size();
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      best = std::min(best, s);
    }
    std::cout << "speed\t" << text.size() / best / 1e6 << "\t" << found << "\t" << best << "\n";
  }
  return 0;
}
