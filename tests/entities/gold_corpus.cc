#include "gold_corpus.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/name_key.h"
#include "text/normalizer.h"

namespace malaf::entities::gold {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

// Non-blank lines as paragraphs, display-normalized.
std::string BodyOf(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string body;
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    std::string t = Trim(text::NormalizeDisplay(lines[i]));
    if (t.empty()) continue;
    if (!body.empty()) body += "\n\n";
    body += t;
  }
  return body;
}

bool IsRule(const std::string& line) {
  std::string t = Trim(line);
  return t.size() >= 5 && std::all_of(t.begin(), t.end(), [](char c) { return c == '='; });
}

bool IsContentsLine(const std::string& line) {
  std::string t = Trim(line);
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  return i > 0 && i < t.size() && t[i] == '.';
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string Squash(const std::string& s) {
  // Search key with every run of non-letters as one space: quotation
  // snippets match regardless of punctuation and spacing.
  std::string k = text::SearchKey(s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < k.size();) {
    unsigned char c = k[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool letter = (c >= 0xD8 && c <= 0xDB) || std::isalnum(c);
    if (letter) {
      if (space && !out.empty()) out += ' ';
      out.append(k, i, len);
      space = false;
    } else {
      space = true;
    }
    i += len;
  }
  return out;
}

std::set<std::string> Keys(const std::vector<std::string>& names) {
  std::set<std::string> out;
  for (const auto& n : names)
    if (!Trim(n).empty()) out.insert(text::NameKeyPhrase(text::SearchKey(Trim(n))));
  return out;
}

}  // namespace

std::vector<CorpusArticle> ReadDossier(const std::string& path) {
  std::vector<CorpusArticle> out;
  std::vector<std::string> lines = Lines(ReadFile(path));
  if (lines.empty()) return out;
  // Block 0 holds the breadcrumb and the contents; its article starts after
  // the last contents line.
  size_t start = 0;
  for (size_t i = 0; i < lines.size() && !IsRule(lines[i]); ++i)
    if (IsContentsLine(lines[i])) start = i + 1;
  size_t i = start;
  while (i < lines.size()) {
    while (i < lines.size() && Trim(text::NormalizeDisplay(lines[i])).empty()) ++i;
    if (i >= lines.size()) break;
    size_t end = i;
    while (end < lines.size() && !IsRule(lines[end])) ++end;
    CorpusArticle a;
    a.key = Trim(text::NormalizeDisplay(lines[i]));
    a.body = BodyOf(lines, i + 1, end);
    out.push_back(std::move(a));
    i = end + 1;
  }
  return out;
}

std::vector<CorpusArticle> ReadPage(const std::string& path) {
  std::string raw = ReadFile(path);
  if (raw.empty()) return {};
  CorpusArticle a;
  a.key = path.substr(path.find_last_of('/') + 1);
  a.body = BodyOf(Lines(raw), 0, SIZE_MAX);
  return {a};
}

std::vector<CorpusArticle> ReadSaudiNewsNet(const std::string& zip_path) {
  std::vector<CorpusArticle> out;
  struct archive* ar = archive_read_new();
  archive_read_support_format_zip(ar);
  archive_read_support_filter_all(ar);
  if (archive_read_open_filename(ar, zip_path.c_str(), 1 << 16) != ARCHIVE_OK) {
    archive_read_free(ar);
    return out;
  }
  struct archive_entry* entry;
  std::string json;
  while (archive_read_next_header(ar, &entry) == ARCHIVE_OK) {
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(ar, buf, sizeof buf)) > 0) json.append(buf, static_cast<size_t>(n));
  }
  archive_read_free(ar);
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (!item.is_object() || !item.contains("url") || !item.contains("content")) continue;
    if (!item["url"].is_string() || !item["content"].is_string()) continue;
    CorpusArticle a;
    a.key = item["url"].get<std::string>();
    a.body = BodyOf(Lines(item["content"].get<std::string>()), 0, SIZE_MAX);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<GoldArticle> ReadGold(const std::string& path) {
  std::vector<GoldArticle> out;
  for (const auto& line : Lines(ReadFile(path))) {
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f[0] == "article" && f.size() >= 4) {
      GoldArticle a;
      a.source = Trim(f[1]);
      a.set = Trim(f[2]);
      a.key = Trim(text::NormalizeDisplay(f[3]));
      out.push_back(std::move(a));
    } else if (out.empty()) {
      continue;
    } else if ((f[0] == "person" || f[0] == "place" || f[0] == "organization") && f.size() >= 2) {
      GoldEntity e;
      e.type = f[0];
      for (const auto& s : Split(f[1], '|'))
        if (!Trim(s).empty()) e.spellings.push_back(Trim(s));
      out.back().entities.push_back(std::move(e));
    } else if (f[0] == "quote" && f.size() >= 3) {
      GoldQuote q;
      if (Trim(f[1]) != "-")
        for (const auto& s : Split(f[1], '|'))
          if (!Trim(s).empty()) q.speaker.push_back(Trim(s));
      q.snippet = Trim(f[2]);
      out.back().quotes.push_back(std::move(q));
    }
  }
  return out;
}

Score ScoreArticle(const TextAnalysis& got, const GoldArticle& gold) {
  Score s;
  for (const char* type : {"person", "place", "organization"}) {
    Counts c;
    std::vector<const Entity*> pred;
    for (const auto& e : got.entities)
      if (e.type == type) pred.push_back(&e);
    std::vector<bool> used(pred.size(), false);
    for (const auto& g : gold.entities) {
      if (g.type != type) continue;
      std::set<std::string> gk = Keys(g.spellings);
      bool hit = false;
      for (size_t p = 0; p < pred.size() && !hit; ++p) {
        if (used[p]) continue;
        std::vector<std::string> names = pred[p]->surfaces;
        names.push_back(pred[p]->name);
        for (const auto& k : Keys(names))
          if (gk.count(k)) hit = true;
        if (hit) used[p] = true;
      }
      if (hit) {
        ++c.tp;
      } else {
        ++c.fn;
        s.errors.push_back("FN " + std::string(type) + " " + g.spellings.front() + "  [" + gold.key + "]");
      }
    }
    for (size_t p = 0; p < pred.size(); ++p) {
      if (used[p]) continue;
      ++c.fp;
      s.errors.push_back("FP " + std::string(type) + " " + pred[p]->name + "  [" + gold.key + "]");
    }
    s.by_type[type] = c;
  }
  std::vector<bool> used(got.quotes.size(), false);
  for (const auto& g : gold.quotes) {
    std::string snip = Squash(g.snippet);
    std::set<std::string> sk = Keys(g.speaker);
    // The speaker is right when it is the gold entity that carries the
    // quote's speaker spellings, under any of that entity's spellings.
    for (const auto& e : gold.entities) {
      std::set<std::string> ek = Keys(e.spellings);
      if (std::any_of(ek.begin(), ek.end(), [&](const std::string& k) { return sk.count(k) > 0; }))
        sk.insert(ek.begin(), ek.end());
    }
    bool hit = false;
    std::string wrong;
    for (size_t p = 0; p < got.quotes.size() && !hit; ++p) {
      if (used[p] || Squash(got.quotes[p].quote).find(snip) == std::string::npos) continue;
      const Quote& q = got.quotes[p];
      bool right;
      if (sk.empty()) {
        right = q.speaker.empty();
      } else {
        std::set<std::string> pk = Keys({q.speaker, q.speaker_surface});
        right = std::any_of(pk.begin(), pk.end(), [&](const std::string& k) { return sk.count(k) > 0; });
      }
      if (right) {
        hit = true;
        used[p] = true;
      } else {
        wrong = q.speaker.empty() ? "(none)" : q.speaker;
      }
    }
    if (hit) {
      ++s.quotes.tp;
    } else {
      ++s.quotes.fn;
      s.errors.push_back("FN quote " + (g.speaker.empty() ? std::string("-") : g.speaker.front()) +
                         (wrong.empty() ? "" : " (got " + wrong + ")") + ": " + g.snippet + "  [" + gold.key + "]");
    }
  }
  for (size_t p = 0; p < got.quotes.size(); ++p) {
    if (used[p]) continue;
    ++s.quotes.fp;
    s.errors.push_back("FP quote " + (got.quotes[p].speaker.empty() ? std::string("-") : got.quotes[p].speaker) +
                       ": " + got.quotes[p].quote.substr(0, std::min<size_t>(got.quotes[p].quote.size(), 80)) + "  [" + gold.key + "]");
  }
  return s;
}

Score ScoreGold(const std::vector<GoldArticle>& gold, const std::string& corpus_dir, const std::string& set) {
  Score total;
  std::map<std::string, std::vector<CorpusArticle>> loaded;
  auto articles_of = [&](const std::string& source) -> const std::vector<CorpusArticle>& {
    auto it = loaded.find(source);
    if (it != loaded.end()) return it->second;
    std::vector<CorpusArticle> a;
    if (source == "dossier") {
      a = ReadDossier(corpus_dir + "/seeds/dossier-geneva-2016-08.txt");
    } else if (source.rfind("page:", 0) == 0) {
      a = ReadPage(corpus_dir + "/seeds/" + source.substr(5));
    } else if (source.rfind("saudinewsnet:", 0) == 0) {
      a = ReadSaudiNewsNet(corpus_dir + "/saudinewsnet/" + source.substr(13) + ".zip");
    }
    return loaded.emplace(source, std::move(a)).first->second;
  };
  for (const auto& g : gold) {
    if (!set.empty() && g.set != set) continue;
    const CorpusArticle* found = nullptr;
    // Gold keys are display-normalized (ReadGold); urls may carry marks
    // that normalization drops ("نُباح").
    for (const auto& a : articles_of(g.source))
      if (a.key == g.key || text::NormalizeDisplay(a.key) == g.key) found = &a;
    if (!found) {
      total.errors.push_back("MISSING article [" + g.key + "] in " + g.source);
      continue;
    }
    Score s = ScoreArticle(AnalyzeText(found->body), g);
    for (const auto& [t, c] : s.by_type) total.by_type[t].Add(c);
    total.quotes.Add(s.quotes);
    total.errors.insert(total.errors.end(), s.errors.begin(), s.errors.end());
  }
  return total;
}

}  // namespace malaf::entities::gold
