// Unpacking gzip and zip inputs with libarchive. Each member is decompressed
// into memory under a hard bound on the total decompressed size, so a zip
// bomb or a gzip of 100 GB of zeros ends in ResourceExhausted, never in an
// out-of-memory kill. Directories and special entries are skipped.
// Thread-safe (each call has its own libarchive handle). Members own their
// bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

struct ArchiveMember {
  std::string name;   // path inside the archive ("" for a bare gzip stream)
  std::string bytes;  // decompressed content
};

struct ArchiveOptions {
  size_t max_total_bytes = 128u << 20;  // all members together, decompressed
  size_t max_members = 100000;
};

// Reads a gzip stream (one member, named after nothing) or a zip archive.
// Fails with Corruption for damaged or truncated data (libarchive's reason
// in the message), ResourceExhausted over the bounds.
Result<std::vector<ArchiveMember>> ReadArchive(std::string_view bytes, const ArchiveOptions& options = {});

}  // namespace malaf
