#include "base/hash.h"

#include <gtest/gtest.h>

namespace malaf {

// The hash is part of the archive format: these values must never change.
TEST(HashTest, FrozenValues) {
  EXPECT_EQ(Hex64(Hash64("")), "ef46db3751d8e999");
  EXPECT_EQ(Hex64(Hash64("abc")), "44bc2cf5ad770999");
  EXPECT_EQ(Hex64(Hash64("The quick brown fox jumps over the lazy dog, twice over.")).size(), 16u);
}

TEST(HashTest, SeedMatters) { EXPECT_NE(Hash64("x", 1), Hash64("x", 2)); }

}  // namespace malaf
