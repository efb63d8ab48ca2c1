#include "server/tokens.h"

#include <cstdio>
#include <string_view>

#include "base/hash.h"

namespace malaf::server {
namespace {

constexpr std::string_view kSchema[] = {
    "CREATE TABLE tokens (hash TEXT PRIMARY KEY, label TEXT NOT NULL, created_at TEXT NOT NULL)",
};

// Two independent 64-bit hashes: 128 bits is ample against guessing, and the
// token itself has 256 bits of entropy.
std::string TokenHash(std::string_view token) {
  return Hex64(Hash64(token, 0x6d616c6166)) + Hex64(Hash64(token, 0x746f6b656e));
}

Status Ensure(Store& store) { return store.db().EnsureSchema("tokens", kSchema); }

}  // namespace

Result<std::string> CreateToken(Store& store, std::string_view label) {
  MALAF_RETURN_IF_ERROR(Ensure(store));
  unsigned char bytes[32];
  std::FILE* f = std::fopen("/dev/urandom", "rb");
  if (!f) return Status::IOError("cannot read /dev/urandom");
  size_t n = std::fread(bytes, 1, sizeof bytes, f);
  std::fclose(f);
  if (n != sizeof bytes) return Status::IOError("short read from /dev/urandom");
  static const char* kHex = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token.push_back(kHex[b >> 4]);
    token.push_back(kHex[b & 15]);
  }
  auto st = store.db().Prepare("INSERT INTO tokens(hash, label, created_at) VALUES(?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
  if (!st.ok()) return st.status();
  MALAF_RETURN_IF_ERROR(st->BindText(1, TokenHash(token)).BindText(2, label).Run());
  return token;
}

Result<bool> CheckToken(Store& store, std::string_view token) {
  if (token.size() != 64) return false;
  auto version = store.db().SchemaVersion("tokens");
  if (!version.ok()) return version.status();
  if (*version == 0) return false;
  auto st = store.db().Prepare("SELECT 1 FROM tokens WHERE hash = ?1");
  if (!st.ok()) return st.status();
  st->BindText(1, TokenHash(token));
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return *row;
}

}  // namespace malaf::server
