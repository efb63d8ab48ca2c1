#include "base/status.h"

namespace malaf {

std::string_view Status::code_name() const {
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kNotFound: return "not_found";
    case Code::kCorruption: return "corruption";
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kIOError: return "io_error";
    case Code::kResourceExhausted: return "resource_exhausted";
    case Code::kUnsupported: return "unsupported";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(code_name()) + ": " + message_;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace malaf
