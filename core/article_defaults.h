// What every reader of structured data (JSON, front matter, feeds) fills the same way
// as the plain-text parser does, so that a facet or a date means one thing whatever the
// format: the section is the file's folder, and an article whose data gives no date
// takes the file's modification time when the schema says so.
#pragma once

#include <cstdint>
#include <string>

#include "core/article.h"
#include "core/schema.h"

namespace newsdex {

// The folder the file at `relative` sits in ("world" for "news/world/a.jsonl"; "" at
// the corpus root), or "" when the schema does not take sections from folders.
std::string section_of(const Schema& schema, const std::string& relative);

// Sets `a.date_from_text` from whether `a.date` is set, and an empty date to the day
// of `mtime` (UTC) when the schema's date.fallback is mtime.
void apply_date_fallback(Article& a, const Schema& schema, std::int64_t mtime);

}  // namespace newsdex
