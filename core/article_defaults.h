// What every reader of structured data (JSON, front matter, feeds) fills the same way
// as the plain-text parser does, so that a facet or a date means one thing whatever the
// format: the title is one line, the section is the file's folder, and an article whose data gives
// no date takes the file's modification time when the schema says so.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/schema.h"

namespace newsdex {

// The folder the file at `relative` sits in ("world" for "news/world/a.jsonl"; "" at
// the corpus root), or "" when the schema does not take sections from folders.
std::string section_of(const Schema& schema, const std::string& relative);

// A title as one line: runs of spaces, tabs and line breaks become one space, and the
// ends are trimmed (a JSON value or a Setext heading may span lines; a title is
// printed on one, in tsv too).
std::string one_line(std::string_view text);

// Sets `a.date_from_text` from whether `a.date` is set, and an empty date to the day
// of `mtime` (UTC) when the schema's date.fallback is mtime.
void apply_date_fallback(Article& a, const Schema& schema, std::int64_t mtime);

}  // namespace newsdex
