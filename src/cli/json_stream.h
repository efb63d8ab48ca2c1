// Writes `{"articles": [ ... ], ...}` to stdout one element at a time, so
// that listing or ingesting a large archive never builds the whole JSON
// document in memory. Output matches PrintJson (two-space indent, UTF-8).
// Not thread-safe; one writer per output stream.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extract/article_json.h"

namespace malaf::cli {

class JsonListWriter {
 public:
  // Starts the top-level object and the array named `list`.
  explicit JsonListWriter(std::string_view list, std::FILE* out = stdout) : out_(out) {
    Write("{\n  \"" + std::string(list) + "\": [");
  }
  void Add(const nlohmann::json& element) {
    std::string s = first_ ? "\n" : ",\n";
    first_ = false;
    // Re-indent the element's lines by two levels.
    std::string dumped = DumpJson(element, 2);
    s += "    ";
    for (char c : dumped) {
      s += c;
      if (c == '\n') s += "    ";
    }
    Write(s);
  }
  // Closes the array and adds the remaining members of the top-level object.
  void Finish(const nlohmann::json& rest = nlohmann::json::object()) {
    std::string s = first_ ? "]" : "\n  ]";
    for (const auto& [k, v] : rest.items()) {
      std::string dumped = DumpJson(v, 2);
      s += ",\n  " + DumpJson(nlohmann::json(k)) + ": ";
      for (char c : dumped) {
        s += c;
        if (c == '\n') s += "  ";
      }
    }
    s += "\n}\n";
    Write(s);
    std::fflush(out_);
  }

 private:
  void Write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), out_); }
  std::FILE* out_;
  bool first_ = true;
};

}  // namespace malaf::cli
