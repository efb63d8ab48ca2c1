#include "base/status.h"

#include <gtest/gtest.h>

namespace malaf {

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code_name(), "ok");
}

TEST(StatusTest, CodesAndContext) {
  Status s = Status::Corruption("bad feed").WithContext("feed.xml");
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_EQ(s.message(), "feed.xml: bad feed");
  EXPECT_EQ(s.code_name(), "corruption");
  EXPECT_EQ(Status::NotFound("x").code_name(), "not_found");
  EXPECT_EQ(Status::InvalidArgument("x").code_name(), "invalid_argument");
}

TEST(ResultTest, ValueOrStatus) {
  Result<int> r = 7;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 7);
  Result<int> e = Status::IOError("disk");
  EXPECT_FALSE(e.ok());
  EXPECT_TRUE(e.status().IsIOError());
}

}  // namespace malaf
