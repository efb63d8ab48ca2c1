// Status and Result<T>: errors as values across module edges.
//
// A Status is either OK or carries a code and a one-line message meant for a
// person ("feed.xml: entity expansion limit exceeded"). Functions that can
// fail on bad input return Status or Result<T>; exceptions never cross a
// module boundary. Both are cheap to move and safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace malaf {

class [[nodiscard]] Status {
 public:
  // DO NOT CHANGE THESE ENUM VALUES: the JSON error codes are derived from them.
  enum class Code : int {
    kOk = 0,
    kNotFound = 1,          // a file, article, story or URL that is not there
    kCorruption = 2,        // bad bytes: an unreadable feed, page, archive or encoding
    kInvalidArgument = 3,   // a bad query, option or value from the user
    kIOError = 4,           // the operating system refused a read or write
    kResourceExhausted = 5, // input over a size, depth or count limit
    kUnsupported = 6,       // a format or feature malaf does not handle
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status InvalidArgument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status ResourceExhausted(std::string_view msg) { return Status(Code::kResourceExhausted, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsResourceExhausted() const { return code_ == Code::kResourceExhausted; }
  bool IsUnsupported() const { return code_ == Code::kUnsupported; }

  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // Snake-case name used in JSON errors: "not_found", "corruption", ...
  std::string_view code_name() const;
  // "not_found: <message>" for logs.
  std::string ToString() const;
  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { assert(ok()); return std::get<T>(v_); }
  const T& value() const& { assert(ok()); return std::get<T>(v_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace malaf

#define MALAF_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::malaf::Status _st = (expr);              \
    if (!_st.ok()) return _st;                 \
  } while (0)
