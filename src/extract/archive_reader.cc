#include "extract/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace malaf {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

std::string Reason(archive* a) {
  const char* msg = archive_error_string(a);
  return msg ? msg : "unreadable archive";
}

}  // namespace

Result<std::vector<ArchiveMember>> ReadArchive(std::string_view bytes, const ArchiveOptions& options) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  if (!a) return Status::ResourceExhausted("cannot allocate an archive reader");
  bool zip = bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  if (zip) {
    archive_read_support_format_zip(a.get());
  } else {
    // A gzip stream is a "raw" archive of one member behind the gzip filter.
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_raw(a.get());
  }
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
    return Status::Corruption(Reason(a.get()));
  std::vector<ArchiveMember> members;
  size_t total = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) return Status::Corruption(Reason(a.get()));
    if (!zip || archive_entry_filetype(entry) == AE_IFREG) {
      if (members.size() >= options.max_members)
        return Status::ResourceExhausted("more than " + std::to_string(options.max_members) + " archive members");
      ArchiveMember m;
      const char* name = archive_entry_pathname(entry);
      m.name = zip && name ? name : "";
      char buf[64 * 1024];
      for (;;) {
        la_ssize_t n = archive_read_data(a.get(), buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
          if (n == ARCHIVE_WARN) continue;
          return Status::Corruption((m.name.empty() ? "" : m.name + ": ") + Reason(a.get()));
        }
        total += static_cast<size_t>(n);
        if (total > options.max_total_bytes)
          return Status::ResourceExhausted("decompresses to more than " + std::to_string(options.max_total_bytes) +
                                           " bytes (limit)");
        m.bytes.append(buf, static_cast<size_t>(n));
      }
      members.push_back(std::move(m));
    } else {
      archive_read_data_skip(a.get());
    }
  }
  return members;
}

}  // namespace malaf
