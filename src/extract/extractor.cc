// The extract front door: container -> bytes check -> charset -> format ->
// reader -> Articles -> metadata. See extractor.h for the contract.
#include "extract/extractor.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>

#include "extract/archive_reader.h"
#include "extract/date_parser.h"
#include "extract/dossier_reader.h"
#include "extract/feed_reader.h"
#include "extract/format_detect.h"
#include "extract/json_reader.h"
#include "extract/line_text.h"
#include "extract/metadata.h"
#include "extract/outlets.h"
#include "extract/page.h"
#include "extract/page_furniture.h"
#include "text/charset.h"
#include "text/utf8.h"

namespace malaf {
namespace {

using extract_internal::AppendParagraph;
using extract_internal::CleanLine;
using extract_internal::ParagraphsFromText;
using extract_internal::TrimSpace;

constexpr int kMaxContainerDepth = 2;  // a gzip inside a zip, no deeper

// What the reference time for relative dates falls back to when neither
// the options nor the source give one: the file's mtime, else now.
struct Fallback {
  std::string reference;  // ISO 8601
};

std::string IsoFromUnix(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M+00:00", &tm);
  return buf;
}

// The encoding named by an XML declaration (<?xml ... encoding="X"?>), "".
std::string XmlDeclaredCharset(std::string_view raw) {
  std::string_view head = raw.substr(0, 512);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) != "<?xml") return "";
  size_t end = head.find("?>");
  std::string_view decl = head.substr(0, end);
  size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return "";
  p = decl.find_first_of("\"'", p);
  if (p == std::string_view::npos) return "";
  size_t q = decl.find(decl[p], p + 1);
  if (q == std::string_view::npos) return "";
  return extract_internal::AsciiLower(decl.substr(p + 1, q - p - 1));
}

bool LooksLikeMarkup(std::string_view raw) {
  std::string_view head = raw.substr(0, 1024);
  size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string_view::npos && head[i] == '<';
}

bool AllSpace(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

// Whether text decoded from the Arabic 8-bit code page reads as Arabic:
// most non-ASCII characters are Arabic letters, and those letters stand in
// words (next to another letter), as they do in any Arabic text and do not
// in random bytes or broken UTF-8 mapped through cp1256.
bool ReadsAsArabic(std::string_view utf8) {
  size_t arabic = 0, other = 0, in_words = 0;
  bool prev_letter = false, prev_counted = false;
  std::string_view sample = utf8.substr(0, 256 * 1024);
  for (size_t i = 0; i < sample.size();) {
    size_t len = (static_cast<unsigned char>(sample[i]) < 0x80) ? 1 : (static_cast<unsigned char>(sample[i]) < 0xE0 ? 2 : (static_cast<unsigned char>(sample[i]) < 0xF0 ? 3 : 4));
    if (i + len > sample.size()) break;
    char32_t c = text::NextCodePoint(sample, i);
    bool letter = text::IsArabicLetter(c);
    if (letter) {
      ++arabic;
      if (prev_letter) in_words += prev_counted ? 1 : 2;  // both letters of the pair
      prev_counted = prev_letter;
    } else {
      prev_counted = false;
      if (c >= 0x80 && c != 0x060C && c != 0x061F && c != 0x061B && c != 0x0640 && c != 0x00A0 &&
          !(c >= 0x064B && c <= 0x0652) && !(c >= 0x2010 && c <= 0x2026) && c != 0x00AB && c != 0x00BB)
        ++other;
    }
    prev_letter = letter;
  }
  if (arabic == 0) return other == 0;
  return arabic * 10 >= (arabic + other) * 7 && in_words * 10 >= arabic * 6;
}

// Decoding with the charset rules (explicit, then declared, then detected)
// and the checks that turn undecodable input into an error.
Result<text::Decoded> DecodeInput(std::string_view raw, const ExtractOptions& options) {
  text::DecodeOptions dopt;
  dopt.charset = options.charset;
  if (dopt.charset.empty() && LooksLikeMarkup(raw)) {
    dopt.charset = XmlDeclaredCharset(raw);
    if (dopt.charset.empty()) dopt.charset = SniffHtmlCharset(raw);
    // A page that declares UTF-8 but is not is common; let detection judge.
    if (dopt.charset == "utf-8" || dopt.charset == "utf8") dopt.charset.clear();
  }
  if (dopt.charset.empty()) dopt.charset = std::string(DetectUtf16WithoutBom(raw));
  bool detected = options.charset.empty();
  auto dec = text::Decode(raw, dopt);
  if (!dec.ok() && !options.charset.empty()) return dec.status();
  if (!dec.ok()) {  // a declared charset ICU does not know: detect instead
    dopt.charset.clear();
    dec = text::Decode(raw, dopt);
    if (!dec.ok()) return dec.status();
  }
  if (detected) {
    size_t chars = extract_internal::CodePointCount(dec->utf8);
    if (dec->charset == "utf-8" && dec->replaced > 0 && (dec->replaced * 1000 > chars || dec->replaced > 1000))
      return Status::Corruption("invalid UTF-8: " + std::to_string(dec->replaced) + " undecodable byte sequences");
    if (dec->charset.rfind("utf-16", 0) == 0 && dec->replaced * 200 > chars)
      return Status::Corruption("invalid UTF-16: " + std::to_string(dec->replaced) + " undecodable code units");
    if (dec->charset == "windows-1256" && !ReadsAsArabic(dec->utf8))
      return Status::Corruption("invalid UTF-8, and not Arabic text in windows-1256 either");
  }
  return dec;
}

struct Sink {
  std::string path;
  std::string format;
  const ExtractOptions* options;
  ExtractOutput* out;
  size_t count = 0;
  bool full = false;

  // Adds one article; false once the per-input limit is reached.
  bool Add(Article&& a) {
    if (count >= options->max_articles_per_input) {
      full = true;
      return false;
    }
    a.sources = {SourceRef{path, format, static_cast<int>(count)}};
    ++count;
    out->articles.push_back(std::move(a));
    return true;
  }
  Status LimitStatus() const {
    return Status::ResourceExhausted("more than " + std::to_string(options->max_articles_per_input) +
                                     " articles in one input (limit)");
  }
};

CivilTime ReferenceFrom(const std::string& explicit_ref, std::string_view source_date, const Fallback& fb) {
  if (!explicit_ref.empty()) {
    auto r = ParseReferenceTime(explicit_ref);
    if (r.ok()) return *r;
  }
  if (!source_date.empty()) {
    auto m = DateParser::Default().Parse(source_date);
    if (m && m->value.precision >= DatePrecision::kDay) return m->value;
    auto r = ParseReferenceTime(source_date);
    if (r.ok()) return *r;
  }
  auto r = ParseReferenceTime(fb.reference);
  return r.ok() ? *r : CivilTime{};
}

std::string OutletName(std::string_view name_or_domain) {
  std::string canonical = CanonicalOutlet(name_or_domain);
  return canonical.empty() ? std::string(name_or_domain) : canonical;
}

// Dates, dateline, agencies, authors and outlet from the text (metadata.h).
void FinishArticle(Article* a, std::vector<std::string> date_texts, const std::string& explicit_ref,
                   std::string_view source_date, const std::string& outlet_hint, const Fallback& fb) {
  MetadataOptions mo;
  mo.date_texts = std::move(date_texts);
  mo.reference = ReferenceFrom(explicit_ref, source_date, fb);
  mo.outlet_hint = outlet_hint;
  FillMetadata(a, mo);
}

// ---- Dossier ----

// A section without a head: its first words stand for a title.
std::string TitleFromBody(std::string_view body) {
  constexpr size_t kWords = 12;
  std::string_view first = body.substr(0, body.find('\n'));
  auto words = extract_internal::SplitWords(first);
  std::string title;
  for (size_t i = 0; i < words.size() && i < kWords; ++i) {
    if (!title.empty()) title.push_back(' ');
    title.append(words[i]);
  }
  if (words.size() > kWords) title += "\u2026";
  return title;
}

Status ExtractDossier(std::string_view utf8, const Fallback& fb, Sink* sink) {
  DossierOptions dopt;
  dopt.max_sections = sink->options->max_articles_per_input + 1;
  dopt.is_outlet = [](std::string_view name) { return LookupOutlet(name).has_value(); };
  auto d = ReadDossier(utf8, dopt);
  if (!d.ok()) return d.status();
  std::string source_date = !d->date.empty() ? d->date : d->date_text;
  for (const DossierSection& s : d->sections) {
    Article a;
    a.title = s.headline;
    a.outlet = s.outlet;
    std::vector<std::string> lines = s.lines;
    lines = CleanFurnitureLines(lines);
    for (const std::string& l : lines) AppendParagraph(l, &a.body);
    if (a.title.empty()) a.title = TitleFromBody(a.body);
    FinishArticle(&a, {}, sink->options->reference_date, source_date, s.outlet, fb);
    if (a.outlet.empty()) a.outlet = s.outlet;
    if (!sink->Add(std::move(a))) return sink->LimitStatus();
  }
  return Status::OK();
}

// ---- Feeds ----

std::string BodyFromMarkup(std::string_view content, bool is_html) {
  if (!is_html) return ParagraphsFromText(content);
  return ParagraphsFromText(HtmlFragmentToText(content));
}

Status ExtractFeed(std::string_view utf8, const Fallback& fb, Sink* sink) {
  FeedOptions fo;
  fo.max_bytes = sink->options->max_input_bytes;
  fo.max_items = sink->options->max_articles_per_input + 1;
  auto feed = ReadFeed(utf8, fo);
  if (!feed.ok()) return feed.status();
  sink->format = feed->kind;
  std::string outlet = feed->title;
  if (std::string c = CanonicalOutlet(feed->link); !c.empty()) outlet = c;
  else if (std::string c2 = CanonicalOutlet(feed->title); !c2.empty()) outlet = c2;
  outlet = CleanLine(outlet);
  for (FeedItem& item : feed->items) {
    if (TrimSpace(item.title).empty() && TrimSpace(item.content).empty()) continue;
    Article a;
    a.title = CleanLine(item.title);
    a.url = item.link;
    for (auto& who : item.authors) {
      std::string w = CleanLine(who);
      if (!w.empty()) a.authors.push_back(std::move(w));
    }
    a.outlet = outlet;
    a.body = BodyFromMarkup(item.content, item.content_is_html);
    std::vector<std::string> dates;
    if (!item.date_text.empty()) dates.push_back(item.date_text);
    FinishArticle(&a, std::move(dates), sink->options->reference_date, feed->date_text, outlet, fb);
    if (!sink->Add(std::move(a))) return sink->LimitStatus();
  }
  return Status::OK();
}

// ---- JSON ----

bool LooksLikeHtml(std::string_view s) {
  std::string_view head = s.substr(0, 2048);
  return head.find("<p") != std::string_view::npos || head.find("<br") != std::string_view::npos ||
         head.find("<div") != std::string_view::npos || head.find("</") != std::string_view::npos;
}

Status ExtractJson(std::string_view utf8, bool lines, const Fallback& fb, Sink* sink) {
  JsonReaderOptions jo;
  jo.field_map = sink->options->field_map;
  jo.max_records = sink->options->max_articles_per_input + 1;
  bool over = false;
  Status st = ReadJsonRecords(utf8, lines, jo, [&](JsonRecord&& r, size_t) {
    if (TrimSpace(r.title).empty() && TrimSpace(r.body).empty()) return true;  // no article in it
    Article a;
    a.title = CleanLine(LooksLikeHtml(r.title) ? HtmlFragmentToText(r.title) : r.title);
    a.url = std::string(TrimSpace(r.url));
    a.body = BodyFromMarkup(r.body, LooksLikeHtml(r.body));
    for (auto& who : r.authors) {
      std::string w = CleanLine(who);
      if (!w.empty()) a.authors.push_back(std::move(w));
    }
    std::string hint = CleanLine(r.outlet);
    a.outlet = hint.empty() ? "" : OutletName(hint);
    std::vector<std::string> dates;
    if (!r.date.empty()) dates.push_back(r.date);
    FinishArticle(&a, std::move(dates), sink->options->reference_date, r.date, hint, fb);
    if (!sink->Add(std::move(a))) {
      over = true;
      return false;
    }
    return true;
  });
  if (over) return sink->LimitStatus();
  return st;
}

// ---- Pages ----

Status ExtractPage(std::string_view utf8, bool html, const Fallback& fb, Sink* sink) {
  Article a;
  std::vector<std::string> dates;
  std::string hint;
  PageOptions po;
  // A page has its own, lower bound (a 100 MB "page" is no page); exports
  // and archives may be as large as max_input_bytes.
  po.max_bytes = std::min(po.max_bytes, sink->options->max_input_bytes);
  auto page = html ? ExtractHtmlPage(utf8, po) : ExtractTextPage(utf8, po);
  if (!page.ok()) return page.status();
  a.title = page->title;
  a.url = page->url;
  a.authors = page->authors;
  hint = page->site_name;
  a.outlet = hint.empty() ? "" : OutletName(hint);
  for (const std::string& p : page->paragraphs) AppendParagraph(p, &a.body);
  dates = page->date_texts;
  if (a.title.empty() && a.body.empty()) return Status::Corruption("no article text found");
  FinishArticle(&a, std::move(dates), sink->options->reference_date, "", hint, fb);
  sink->Add(std::move(a));
  return Status::OK();
}

// ---- Dispatch ----


void ExtractInto(const std::string& path, std::string_view bytes, const ExtractOptions& options, const Fallback& fb,
                 int depth, ExtractOutput* out) {
  auto fail = [&](const Status& s) { out->errors.push_back(InputError{path, s}); };
  if (bytes.size() > options.max_input_bytes) {
    fail(Status::ResourceExhausted("larger than " + std::to_string(options.max_input_bytes) + " bytes (limit)"));
    return;
  }
  Container container = DetectContainer(bytes);
  if (container != Container::kNone) {
    if (depth >= kMaxContainerDepth) {
      fail(Status::Unsupported("archive nested in an archive nested in an archive"));
      return;
    }
    ArchiveOptions ao;
    ao.max_total_bytes = options.max_input_bytes;
    auto members = ReadArchive(bytes, ao);
    if (!members.ok()) {
      fail(members.status());
      return;
    }
    if (members->empty()) {
      fail(Status::Corruption("archive holds no file"));
      return;
    }
    for (ArchiveMember& m : *members) {
      // Resource forks and hidden files that zip tools add are no inputs.
      std::string_view base = std::string_view(m.name).substr(m.name.rfind('/') + 1);
      if (m.name.rfind("__MACOSX/", 0) == 0 || (!base.empty() && base[0] == '.')) continue;
      std::string member_path = m.name.empty() ? path : path + "!" + m.name;
      std::string member_bytes = std::move(m.bytes);
      m.bytes.clear();
      ExtractInto(member_path, member_bytes, options, fb, depth + 1, out);
    }
    return;
  }
  if (AllSpace(bytes)) {
    fail(Status::Corruption("empty input"));
    return;
  }
  if (std::string_view kind = BinarySignature(bytes); !kind.empty()) {
    fail(Status::Unsupported("binary file (" + std::string(kind) + "), not text"));
    return;
  }
  if (LooksBinary(bytes)) {
    fail(Status::Corruption("binary data, not text"));
    return;
  }
  auto dec = DecodeInput(bytes, options);
  if (!dec.ok()) {
    fail(dec.status());
    return;
  }
  const std::string& utf8 = dec->utf8;
  std::string format = options.format.empty() ? DetectFormat(utf8) : options.format;
  if (format == "xml") {
    fail(Status::Unsupported("XML that is neither an RSS nor an Atom feed"));
    return;
  }
  Sink sink{path, format, &options, out};
  Status st;
  if (format == "dossier") st = ExtractDossier(utf8, fb, &sink);
  else if (format == "rss" || format == "atom") st = ExtractFeed(utf8, fb, &sink);
  else if (format == "json" || format == "jsonl") st = ExtractJson(utf8, format == "jsonl", fb, &sink);
  else if (format == "html" || format == "text") st = ExtractPage(utf8, format == "html", fb, &sink);
  else st = Status::InvalidArgument("unknown format '" + format + "'");
  if (!st.ok()) fail(st);
  else if (sink.count == 0) fail(Status::NotFound("no article found"));
}

Status CheckOptions(const ExtractOptions& options) {
  if (!options.format.empty() && !IsKnownFormat(options.format))
    return Status::InvalidArgument("unknown format '" + options.format +
                                   "' (html, text, dossier, rss, atom, json, jsonl)");
  MALAF_RETURN_IF_ERROR(CheckFieldMap(options.field_map));
  if (!options.reference_date.empty()) {
    auto r = ParseReferenceTime(options.reference_date);
    if (!r.ok()) return Status::InvalidArgument("bad reference date '" + options.reference_date + "'");
  }
  return Status::OK();
}

ExtractOutput Run(const std::string& path, std::string_view bytes, const ExtractOptions& options, const Fallback& fb) {
  ExtractOutput out;
  Status st = CheckOptions(options);
  if (!st.ok()) {
    out.errors.push_back(InputError{path, st});
    return out;
  }
  ExtractInto(path, bytes, options, fb, 0, &out);
  return out;
}

}  // namespace

ExtractOutput ExtractBytes(std::string_view path, std::string_view bytes, const ExtractOptions& options) {
  Fallback fb;
  fb.reference = IsoFromUnix(std::time(nullptr));
  return Run(std::string(path), bytes, options, fb);
}

ExtractOutput ExtractFile(const std::string& path, const ExtractOptions& options) {
  ExtractOutput out;
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    Status s = errno == ENOENT ? Status::NotFound("no such file") : Status::IOError(std::strerror(errno));
    out.errors.push_back(InputError{path, s});
    return out;
  }
  if (S_ISDIR(st.st_mode)) {
    out.errors.push_back(InputError{path, Status::InvalidArgument("is a directory")});
    return out;
  }
  // Refuse before reading: the bound applies to what is read into memory.
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > options.max_input_bytes) {
    out.errors.push_back(InputError{
        path, Status::ResourceExhausted("larger than " + std::to_string(options.max_input_bytes) + " bytes (limit)")});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back(InputError{path, Status::IOError(std::strerror(errno))});
    return out;
  }
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > options.max_input_bytes) {
      out.errors.push_back(InputError{
          path, Status::ResourceExhausted("larger than " + std::to_string(options.max_input_bytes) + " bytes (limit)")});
      return out;
    }
  }
  if (in.bad()) {
    out.errors.push_back(InputError{path, Status::IOError("read failed")});
    return out;
  }
  Fallback fb;
  fb.reference = IsoFromUnix(st.st_mtime);
  return Run(path, bytes, options, fb);
}

}  // namespace malaf
