#include "extract/json_reader.h"

#include <nlohmann/json.hpp>

namespace malaf {
namespace {

using json = nlohmann::json;

struct FieldNames {
  std::string_view field;
  std::vector<std::string_view> names;  // usual input names, best first
};

const std::vector<FieldNames>& UsualNames() {
  static const auto* names = new std::vector<FieldNames>{
      {"title", {"title", "headline", "Title", "Headline", "name"}},
      {"body", {"body", "content", "text", "article", "articleBody", "Body", "Content", "Text", "full_text",
                "description", "summary"}},
      {"date", {"date", "published", "pubDate", "published_at", "datePublished", "date_published",
                "publish_date", "publication_date", "created_at", "time", "timestamp", "Date", "date_extracted"}},
      {"outlet", {"outlet", "source", "site", "site_name", "publisher", "newspaper", "source_name", "Source"}},
      {"url", {"url", "link", "URL", "href", "permalink"}},
      {"authors", {"authors", "author", "byline", "creator", "Author"}},
  };
  return *names;
}

std::string CanonicalKey(std::string_view key) {
  if (key == "published" || key == "published_text") return "date";
  if (key == "source") return "outlet";
  if (key == "author") return "authors";
  return std::string(key);
}

const json* Lookup(const json& obj, std::string_view path) {
  const json* cur = &obj;
  size_t i = 0;
  while (true) {
    size_t dot = path.find('.', i);
    std::string part(path.substr(i, dot == std::string_view::npos ? std::string_view::npos : dot - i));
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(part);
    if (it == cur->end()) return nullptr;
    cur = &*it;
    if (dot == std::string_view::npos) return cur;
    i = dot + 1;
  }
}

// Text of a scalar, an object with "name"/"text"/"value", or an array of
// those joined by `sep`.
std::string AsText(const json& v, std::string_view sep) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number_float()) return std::to_string(v.get<double>());
  if (v.is_boolean() || v.is_null()) return "";
  if (v.is_object()) {
    for (const char* k : {"name", "text", "value", "#text", "rendered"}) {
      auto it = v.find(k);
      if (it != v.end()) return AsText(*it, sep);
    }
    return "";
  }
  std::string out;
  for (const auto& e : v) {
    std::string t = AsText(e, sep);
    if (t.empty()) continue;
    if (!out.empty()) out.append(sep);
    out.append(t);
  }
  return out;
}

std::vector<std::string> AsList(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& e : v) {
      std::string t = AsText(e, ", ");
      if (!t.empty()) out.push_back(t);
    }
  } else {
    std::string t = AsText(v, ", ");
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

JsonRecord MapRecord(const json& obj, const std::map<std::string, std::string>& field_map) {
  JsonRecord r;
  for (const auto& f : UsualNames()) {
    const json* v = nullptr;
    std::map<std::string, std::string>::const_iterator mapped = field_map.end();
    for (auto it = field_map.begin(); it != field_map.end(); ++it)
      if (CanonicalKey(it->first) == f.field) mapped = it;
    if (mapped != field_map.end()) {
      v = Lookup(obj, mapped->second);
    } else {
      for (std::string_view name : f.names) {
        auto it = obj.find(std::string(name));
        if (it != obj.end() && !it->is_null() && !(it->is_string() && it->get_ref<const std::string&>().empty())) {
          v = &*it;
          break;
        }
      }
    }
    if (!v) continue;
    if (f.field == "title") r.title = AsText(*v, " ");
    else if (f.field == "body") r.body = AsText(*v, "\n\n");
    else if (f.field == "date") r.date = AsText(*v, " ");
    else if (f.field == "outlet") r.outlet = AsText(*v, ", ");
    else if (f.field == "url") r.url = AsText(*v, " ");
    else if (f.field == "authors") r.authors = AsList(*v);
  }
  return r;
}

// SAX handler that builds one record object at a time. Records are the
// objects that are elements of the top-level array, or of an array that is
// a member of the top-level object; a top-level object holding no such
// record is itself the record. Two builders: one for the record being read,
// one for the top-level object (which never holds the records themselves).
class RecordSax : public nlohmann::json_sax<json> {
 public:
  RecordSax(const JsonReaderOptions& options, const std::function<bool(JsonRecord&&, size_t)>& on_record)
      : options_(options), on_record_(on_record) {}

  bool null() override { return Value(json()); }
  bool boolean(bool v) override { return Value(json(v)); }
  bool number_integer(number_integer_t v) override { return Value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Value(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return Value(json(v)); }
  bool string(string_t& v) override { return Value(json(std::move(v))); }
  bool binary(binary_t&) override { return Value(json()); }

  bool key(string_t& k) override {
    if (depth_ == 1) top_key_ = k;
    key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t) override {
    if (!Push(true)) return false;
    if (in_record_) {
      rec_stack_.push_back(Insert(rec_stack_, json::object()));
    } else if (IsRecordPosition()) {
      in_record_ = true;
      record_ = json::object();
      record_depth_ = depth_;
      rec_stack_ = {&record_};
    } else if (depth_ == 1) {
      top_ = json::object();
      top_stack_ = {&top_};
    } else if (!top_stack_.empty()) {
      top_stack_.push_back(Insert(top_stack_, json::object()));
    }
    return true;
  }
  bool end_object() override {
    bool ok = true;
    if (in_record_) {
      if (depth_ == record_depth_) {
        in_record_ = false;
        rec_stack_.clear();
        ok = Deliver(record_);
      } else {
        rec_stack_.pop_back();
      }
    } else if (!top_stack_.empty()) {
      if (depth_ == 1) {
        if (count_ == 0) ok = Deliver(top_);
        top_stack_.clear();
      } else {
        top_stack_.pop_back();
      }
    }
    Pop();
    return ok;
  }
  bool start_array(std::size_t) override {
    if (!Push(false)) return false;
    if (in_record_) rec_stack_.push_back(Insert(rec_stack_, json::array()));
    else if (!top_stack_.empty()) top_stack_.push_back(Insert(top_stack_, json::array()));
    return true;
  }
  bool end_array() override {
    if (in_record_) rec_stack_.pop_back();
    else if (!top_stack_.empty()) top_stack_.pop_back();
    Pop();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_ = Status::Corruption(std::string("malformed JSON at byte ") + std::to_string(position) + ": " +
                                ShortReason(ex.what()));
    return false;
  }

  const Status& error() const { return error_; }
  bool stopped() const { return stopped_; }

 private:
  static std::string ShortReason(std::string what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - ..."
    size_t p = what.find("syntax error");
    if (p != std::string::npos) what = what.substr(p);
    if (what.size() > 160) what = what.substr(0, 160);
    return what;
  }
  bool Push(bool object) {
    ++depth_;
    if (depth_ > options_.max_depth) {
      error_ = Status::ResourceExhausted("JSON nested deeper than " + std::to_string(options_.max_depth));
      return false;
    }
    kinds_.push_back(object);
    return true;
  }
  void Pop() {
    --depth_;
    kinds_.pop_back();
  }
  // Called after Push of an object: directly inside the top-level array, or
  // inside an array member of the top-level object.
  bool IsRecordPosition() const {
    if (depth_ == 2) return !kinds_[0];
    if (depth_ == 3) return kinds_[0] && !kinds_[1] && IsRecordListKey(top_key_);
    return false;
  }
  // Keys under which exports put their list of articles. Other arrays in a
  // top-level object ("authors", "images", "tags") belong to that object,
  // which is then itself the record.
  static bool IsRecordListKey(std::string_view k) {
    static constexpr std::string_view kKeys[] = {"articles", "items",   "data",    "results", "entries",
                                                 "posts",    "news",    "records", "docs",    "documents",
                                                 "hits",     "rows",    "stories", "Articles", "Items"};
    for (std::string_view key : kKeys)
      if (k == key) return true;
    return false;
  }
  json* Insert(std::vector<json*>& stack, json v) {
    json* parent = stack.back();
    if (parent->is_array()) {
      parent->push_back(std::move(v));
      return &parent->back();
    }
    json& slot = (*parent)[key_];
    slot = std::move(v);
    return &slot;
  }
  bool Value(json v) {
    if (in_record_) Insert(rec_stack_, std::move(v));
    else if (!top_stack_.empty()) Insert(top_stack_, std::move(v));
    return true;
  }
  bool Deliver(json& obj) {
    if (count_ >= options_.max_records) {
      error_ = Status::ResourceExhausted("more than " + std::to_string(options_.max_records) + " records");
      return false;
    }
    JsonRecord r = MapRecord(obj, options_.field_map);
    obj = json();
    size_t index = count_++;
    if (!on_record_(std::move(r), index)) {
      stopped_ = true;
      return false;
    }
    return true;
  }

  const JsonReaderOptions& options_;
  const std::function<bool(JsonRecord&&, size_t)>& on_record_;
  std::vector<bool> kinds_;  // true = object, per open container
  std::vector<json*> rec_stack_, top_stack_;
  json record_, top_;
  std::string key_, top_key_;
  size_t depth_ = 0;
  size_t record_depth_ = 0;
  size_t count_ = 0;
  bool in_record_ = false;
  bool stopped_ = false;
  Status error_;
};

}  // namespace

Status CheckFieldMap(const std::map<std::string, std::string>& field_map) {
  for (const auto& [k, v] : field_map) {
    std::string c = CanonicalKey(k);
    bool known = false;
    for (const auto& f : UsualNames()) known = known || f.field == c;
    if (!known) return Status::InvalidArgument("unknown article field '" + k + "' (title, body, date, outlet, url, authors)");
    if (v.empty()) return Status::InvalidArgument("empty input field name for '" + k + "'");
  }
  return Status::OK();
}

Status ReadJsonRecords(std::string_view utf8, bool lines, const JsonReaderOptions& options,
                       const std::function<bool(JsonRecord&&, size_t)>& on_record) {
  MALAF_RETURN_IF_ERROR(CheckFieldMap(options.field_map));
  if (!lines) {
    RecordSax sax(options, on_record);
    bool ok = json::sax_parse(utf8.begin(), utf8.end(), &sax, nlohmann::detail::input_format_t::json, true, true);
    if (!ok && !sax.stopped()) {
      if (!sax.error().ok()) return sax.error();
      return Status::Corruption("malformed JSON");
    }
    return Status::OK();
  }
  size_t index = 0, line_no = 0, pos = 0;
  while (pos < utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    std::string_view line = utf8.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? utf8.size() : nl + 1;
    ++line_no;
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) continue;
    if (index >= options.max_records)
      return Status::ResourceExhausted("more than " + std::to_string(options.max_records) + " records");
    // Depth is bounded by a cheap pre-scan: nlohmann's DOM parser is
    // recursive, so a line of 100k '[' must not reach it.
    size_t depth = 0, max_depth = 0;
    bool in_string = false, escaped = false;
    for (char c : line) {
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
      else if ((c == '}' || c == ']') && depth > 0) --depth;
    }
    if (max_depth > options.max_depth)
      return Status::ResourceExhausted("line " + std::to_string(line_no) + ": JSON nested deeper than " +
                                       std::to_string(options.max_depth));
    json obj = json::parse(line.begin(), line.end(), nullptr, false);
    if (obj.is_discarded())
      return Status::Corruption("malformed JSON on line " + std::to_string(line_no));
    if (!obj.is_object()) return Status::Corruption("line " + std::to_string(line_no) + " is not a JSON object");
    if (!on_record(MapRecord(obj, options.field_map), index++)) break;
  }
  return Status::OK();
}

}  // namespace malaf
