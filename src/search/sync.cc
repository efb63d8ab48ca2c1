#include "search/sync.h"

namespace malaf::search {
namespace {

Result<SyncStats> IndexFrom(Store& store, IndexWriter& writer, uint64_t after_seq, const SyncOptions& options,
                            SyncStats stats) {
  Status failed;
  uint64_t since_commit = 0;
  Status st = store.ForEach(static_cast<int64_t>(after_seq), [&](const StoredArticle& sa) {
    failed = writer.Add(sa.article, static_cast<uint64_t>(sa.seq));
    if (!failed.ok()) return false;
    ++stats.indexed;
    if (++since_commit >= options.commit_every) {
      since_commit = 0;
      failed = writer.Commit();
      if (!failed.ok()) return false;
    }
    return true;
  });
  if (!failed.ok()) return failed.WithContext(store.dir());
  if (!st.ok()) return st;
  MALAF_RETURN_IF_ERROR(writer.Commit());
  stats.last_seq = writer.last_seq();
  IndexCheck c = CheckIndex(IndexDir(store.dir()));
  stats.documents = c.documents;
  return stats;
}

}  // namespace

Result<SyncStats> RebuildIndex(Store& store, const SyncOptions& options) {
  const std::string dir = IndexDir(store.dir());
  IndexBuilderOptions bo;
  bo.writer = options.writer;
  bo.threads = options.rebuild_threads;
  auto builder = IndexBuilder::Create(dir, bo);
  if (!builder.ok()) return builder.status();
  SyncStats stats;
  stats.rebuilt = true;
  stats.reason = "rebuild requested";
  Status failed;
  Status st = store.ForEach(0, [&](const StoredArticle& sa) {
    failed = (*builder)->Add(sa.article, static_cast<uint64_t>(sa.seq));
    if (!failed.ok()) return false;
    ++stats.indexed;
    return true;
  });
  if (!failed.ok()) return failed.WithContext(store.dir());
  if (!st.ok()) return st;
  MALAF_RETURN_IF_ERROR((*builder)->Finish());
  IndexCheck c = CheckIndex(dir);
  if (c.state != IndexState::kOk) return Status::IOError(dir + ": rebuilt index does not check: " + c.detail);
  stats.last_seq = c.last_seq;
  stats.documents = c.documents;
  return stats;
}

Result<SyncStats> SyncIndex(Store& store, const SyncOptions& options) {
  const std::string dir = IndexDir(store.dir());
  IndexCheck c = CheckIndex(dir);
  auto last = store.LastSeq();
  if (!last.ok()) return last.status();
  std::string reason;
  if (c.state != IndexState::kOk) reason = "index " + std::string(IndexStateName(c.state)) + ": " + c.detail;
  else if (c.last_seq > static_cast<uint64_t>(*last))
    reason = "index is ahead of the store (seq " + std::to_string(c.last_seq) + " > " + std::to_string(*last) + ")";
  if (!reason.empty()) {
    auto r = RebuildIndex(store, options);
    if (r.ok()) r->reason = reason;
    return r;
  }
  SyncStats stats;
  stats.last_seq = c.last_seq;
  stats.documents = c.documents;
  if (c.last_seq == static_cast<uint64_t>(*last)) return stats;
  auto writer = IndexWriter::OpenExisting(dir, options.writer);
  if (!writer.ok()) return writer.status();
  return IndexFrom(store, **writer, c.last_seq, options, stats);
}

}  // namespace malaf::search
