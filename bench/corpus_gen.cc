// Scales the real SaudiNewsNet text to a corpus of N articles for the search
// benchmarks, with realistic vocabulary growth and duplicate rates:
//  - new articles recombine real paragraphs: the lead of one real article,
//    then paragraphs drawn from others, as many as the lead article had;
//  - vocabulary grows by Heaps' law V = K * T^beta, with K and beta fitted
//    on the real corpus: new word forms are minted by perturbing real words
//    (clitics, suffixes, a changed letter) as the token count grows, and
//    earlier minted forms are reused with a skew towards the oldest;
//  - a share of articles (the real corpus's wire-copy rate) are lightly
//    edited copies of a recent article under another outlet.
// The real articles are emitted first, unchanged. Deterministic for a seed.
// Usage: corpus_gen CORPUS_DIR N OUT.jsonl QUERIES.tsv [SEED]
//   (N = 0: the real articles only). Writes the corpus to OUT, and query
//   sets (single words, two words, phrases) sampled from the real text.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "search_corpus.h"
#include "text/analyzer.h"
#include "text/utf8.h"

using malaf::bench::BenchDoc;

namespace {

std::vector<std::string> SplitParagraphs(const std::string& body) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < body.size()) {
    size_t e = body.find("\n\n", b);
    if (e == std::string::npos) e = body.size();
    if (e > b) out.push_back(body.substr(b, e - b));
    b = e + 2;
  }
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> w;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find(' ', b);
    if (e == std::string::npos) e = s.size();
    if (e > b) w.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return w;
}

bool IsArabicWord(const std::string& w) {
  if (w.size() < 6) return false;  // at least 3 Arabic letters
  size_t i = 0;
  while (i < w.size()) {
    char32_t c = malaf::text::NextCodePoint(w, i);
    if (!malaf::text::IsArabicLetter(c)) return false;
  }
  return true;
}

std::string DateOf(int64_t day_offset) {
  using namespace std::chrono;
  sys_days d = sys_days{year{2014} / January / 1} + days{day_offset};
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: corpus_gen CORPUS_DIR N OUT.jsonl QUERIES.tsv [SEED]\n");
    return 2;
  }
  std::string corpus = argv[1];
  uint64_t n = std::strtoull(argv[2], nullptr, 10);
  std::mt19937_64 rng(argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 20150721);
  auto uni = [&](uint64_t k) { return std::uniform_int_distribution<uint64_t>(0, k - 1)(rng); };
  auto coin = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

  std::vector<BenchDoc> real = malaf::bench::LoadSaudiNewsNet(corpus + "/saudinewsnet");
  std::vector<std::vector<std::string>> paras(real.size());
  std::vector<std::pair<uint32_t, uint32_t>> all_paras;
  std::unordered_set<std::string> vocab;
  uint64_t tokens = 0, v_half = 0, t_half = 0;
  for (size_t i = 0; i < real.size(); ++i) {
    paras[i] = SplitParagraphs(real[i].body);
    for (uint32_t p = 0; p < paras[i].size(); ++p) {
      all_paras.emplace_back(static_cast<uint32_t>(i), p);
      for (auto& w : Words(paras[i][p])) {
        vocab.insert(w);
        ++tokens;
      }
    }
    if (i == real.size() / 2) v_half = vocab.size(), t_half = tokens;
  }
  const double v0 = static_cast<double>(vocab.size()), t0 = static_cast<double>(tokens);
  const double beta = std::log(v0 / v_half) / std::log(t0 / t_half);
  const double k = v0 / std::pow(t0, beta);
  // Wire copies: share of real articles whose title repeats an earlier one.
  std::unordered_set<std::string> titles;
  uint64_t repeats = 0;
  for (const auto& d : real) repeats += !titles.insert(d.title).second;
  const double dup_rate = std::max(0.05, static_cast<double>(repeats) / real.size());
  std::fprintf(stderr, "real: %zu articles, %.0f tokens, %.0f word forms, heaps beta %.3f K %.2f, copy rate %.3f\n",
               real.size(), t0, v0, beta, k, dup_rate);

  std::FILE* out = std::fopen(argv[3], "w");
  if (!out) return 1;
  std::string buf;
  auto flush = [&](bool force) {
    if (force || buf.size() > (8u << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
  };
  const uint64_t emit_real = n == 0 ? real.size() : std::min<uint64_t>(n, real.size());
  for (uint64_t i = 0; i < emit_real; ++i) {
    malaf::bench::WriteJsonl(real[i], &buf);
    flush(false);
  }

  // Minting new word forms.
  static const char* kPrefixes[] = {"\u0648", "\u0628", "\u0644", "\u0641", "\u0643"};
  static const char* kSuffixes[] = {"\u0647\u0627", "\u0647\u0645", "\u0627\u062a", "\u064a\u0646", "\u0648\u0646",
                                    "\u064a\u0629", "\u0627\u0646", "\u0646\u0627"};
  std::vector<std::string> minted;
  std::unordered_set<std::string> seen_forms;
  auto mint = [&](const std::string& w) -> std::string {
    for (int attempt = 0; attempt < 8; ++attempt) {
      std::string f = w;
      // Change one letter inside the word (keeps it Arabic and plausible).
      std::u32string cps;
      for (size_t i = 0; i < f.size();) cps.push_back(malaf::text::NextCodePoint(f, i));
      if (cps.size() > 3 && coin(0.7)) cps[1 + uni(cps.size() - 2)] = static_cast<char32_t>(0x0628 + uni(19));
      f.clear();
      for (char32_t c : cps) malaf::text::AppendUtf8(c, &f);
      if (coin(0.5)) f = kPrefixes[uni(5)] + f;
      if (coin(0.6)) f += kSuffixes[uni(8)];
      if (!vocab.count(f) && seen_forms.insert(f).second) return f;
    }
    return w;
  };
  auto perturb = [&](const std::string& text, double* total_tokens) {
    auto words = Words(text);
    std::string outp;
    for (auto& w : words) {
      *total_tokens += 1;
      if (IsArabicWord(w)) {
        double target = k * std::pow(*total_tokens, beta) - v0;
        if (static_cast<double>(minted.size()) < target) {
          std::string f = mint(w);
          if (f != w) {
            minted.push_back(f);
            w = f;
          }
        } else if (!minted.empty() && coin(0.02 * minted.size() / (minted.size() + v0))) {
          double u = std::uniform_real_distribution<double>(0, 1)(rng);
          w = minted[static_cast<size_t>(u * u * minted.size())];
        }
      }
      if (!outp.empty()) outp += ' ';
      outp += w;
    }
    return outp;
  };

  double total_tokens = t0;
  std::vector<BenchDoc> recent;
  const uint64_t gen = n > real.size() ? n - real.size() : 0;
  const double days_span = std::max(30.0, gen / 1500.0);  // about 1500 articles a day
  for (uint64_t g = 0; g < gen; ++g) {
    BenchDoc d;
    d.key = "gen:" + std::to_string(g);
    d.published = DateOf(static_cast<int64_t>(g * days_span / std::max<uint64_t>(gen, 1)));
    if (!recent.empty() && coin(dup_rate)) {
      const BenchDoc& src = recent[uni(recent.size())];
      d.title = src.title;
      d.outlet = real[uni(real.size())].outlet;
      auto ps = SplitParagraphs(src.body);
      if (ps.size() > 2 && coin(0.5)) ps.pop_back();  // copies often drop the tail
      for (auto& p : ps) {
        auto ws = Words(p);
        if (ws.size() > 4 && coin(0.3)) ws.erase(ws.begin() + uni(ws.size()));  // a light edit
        std::string q;
        for (auto& w : ws) q += (q.empty() ? "" : " ") + w;
        d.body += (d.body.empty() ? "" : "\n\n") + q;
      }
    } else {
      size_t base = uni(real.size());
      d.title = perturb(real[base].title, &total_tokens);
      d.outlet = real[base].outlet;
      size_t np = std::clamp<size_t>(paras[base].size(), 1, 12);
      for (size_t p = 0; p < np; ++p) {
        const std::string* src;
        if (p == 0 && !paras[base].empty()) src = &paras[base][0];
        else {
          auto [a, i] = all_paras[uni(all_paras.size())];
          src = &paras[a][i];
        }
        d.body += (d.body.empty() ? "" : "\n\n") + perturb(*src, &total_tokens);
      }
    }
    malaf::bench::WriteJsonl(d, &buf);
    flush(false);
    if (recent.size() < 2000) recent.push_back(std::move(d));
    else recent[uni(recent.size())] = std::move(d);
  }
  flush(true);
  std::fclose(out);
  std::fprintf(stderr, "wrote %llu articles; %zu minted word forms\n",
               static_cast<unsigned long long>(emit_real + gen), minted.size());

  // Query sets drawn from the real text (frequent words come up as often as
  // users type them).
  std::FILE* qf = std::fopen(argv[4], "w");
  if (!qf) return 1;
  auto sample_words = [&](size_t len) {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      auto [a, i] = all_paras[uni(all_paras.size())];
      std::string display = paras[a][i];
      auto toks = malaf::text::Analyze(display);
      if (toks.size() < len + 1) continue;
      size_t s = uni(toks.size() - len);
      std::string q;
      bool ok = true;
      for (size_t j = s; j < s + len; ++j) {
        const auto& t = toks[j];
        if (t.stopword || t.token.type != malaf::text::TokenType::kArabic || t.token.text.size() < 6) ok = false;
        q += (q.empty() ? "" : " ") + std::string(t.token.text);
      }
      if (ok) return q;
    }
    return std::string("\u0627\u0644\u0631\u064a\u0627\u0636");
  };
  for (int i = 0; i < 200; ++i) std::fprintf(qf, "single\t%s\n", sample_words(1).c_str());
  for (int i = 0; i < 200; ++i) std::fprintf(qf, "two_words\t%s\n", sample_words(2).c_str());
  for (int i = 0; i < 200; ++i) std::fprintf(qf, "phrase\t\"%s\"\n", sample_words(2).c_str());
  std::fclose(qf);
  return 0;
}
