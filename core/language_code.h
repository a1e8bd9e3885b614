// The language a record's data declares, as the ISO 639-1 code newsdex stores in the
// `language` field: data writes "en", "en-US", "pt_BR", "ENG", "ger" or "German", and
// one article of each must land on one facet value and one stemmer.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// The lower-case ISO 639-1 code of a language tag or name, or "" when `tag` names no
// language this knows (the article's language is then detected, or the schema's).
// Accepted: a BCP 47 / POSIX tag whose primary subtag is a two-letter code ("en",
// "en-GB", "pt_BR.UTF-8"); an ISO 639-2 code, terminological or bibliographic ("deu",
// "ger"); an English language name ("German", "Spanish"), any case. Three-letter
// codes and names come from Debian's iso-codes (iso_639-2.json), read once per process;
// without that file only two-letter codes are understood.
std::string iso639_1(std::string_view tag);

}  // namespace newsdex
