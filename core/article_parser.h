// Reads an article's text into fields as the schema describes: title is the first
// non-empty line, body the rest; an optional "PLACE (SOURCE) –" dateline; the date the
// text gives near its start, else the file's modification time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/bounded_regex.h"
#include "core/schema.h"

namespace newsdex {

class ArticleParser {
 public:
  // The matcher steps the dateline pattern may take on one article, all its line
  // starts together (ICU takes a few milliseconds for 100,000): the shipped pattern
  // needs a few thousand; past the budget the article has no dateline.
  static constexpr std::int64_t kDatelineSteps = 500000;

  explicit ArticleParser(const Schema& schema);
  ~ArticleParser();
  ArticleParser(const ArticleParser&) = delete;
  ArticleParser& operator=(const ArticleParser&) = delete;

  // `text` must be valid UTF-8 (see repair_text). `mtime` is seconds since the epoch.
  Article parse(std::string_view text, const std::string& relative_path, std::int64_t mtime);

 private:
  // Reads "PLACE (SOURCE) –" at the start of `head` into `a`.
  bool match_dateline(std::string_view head, Article& a);
  const Schema& schema_;
  std::unique_ptr<BoundedRegex> dateline_;
  std::vector<std::string> groups_;
};

// The first date in `text` written as 2018-04-12, April 12, 2018 or 12 April 2018, as
// YYYYMMDD; empty when there is none. Exposed for tests.
std::string find_date(std::string_view text);

// YYYYMMDD (UTC) of a time in seconds since the epoch.
std::string date_of_mtime(std::int64_t mtime);

}  // namespace newsdex
