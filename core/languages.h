// Language names as newsdex stores them: ISO 639-1 codes ("de"), whatever form the data
// gives them in ("de-AT", "German", "deu", "ger"), and the Snowball stemmer each one
// is stemmed with. The `language` field, the L terms and the query side's choice of a
// stemmer all go through here, so the indexer and the search CLI agree on a code.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// The Snowball stemmer (a Xapian::Stem name) for an ISO 639-1 code, or "none" when
// Xapian has none for it (Japanese, Chinese, Korean...) or the code is empty.
std::string stemmer_for_language(std::string_view code);

// The ISO 639-1 code of a Snowball stemmer name ("english" -> "en"); empty for "none".
std::string language_of_stemmer(std::string_view stemmer);

}  // namespace newsdex
