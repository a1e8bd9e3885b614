// The index layout: which term prefix and which value slot means what, and the
// metadata keys a newsdex database carries. Both newsdexd and newsdex include this
// one header, so the writer and the reader can never disagree about it.
//
// Prefixes follow Omega's conventions (Q unique id, S title, Z stemmed, X... boolean
// filters) so that Xapian's own tools (xapian-delve, quest) can read our databases.
#pragma once

#include <xapian.h>

#include <string_view>

namespace newsdex::layout {

// Bumped whenever the meaning of a prefix, slot or data field changes; a database of
// another version is refused (exit 3) rather than misread.
// 2: entity slots carry folded keys; 3: each article stemmed in its language, CJK as
// character unigrams and bigrams; 4: story signatures, band terms and story keys
// (story_signature.h), which an older database lacks; 5: signatures by one-permutation
// hashing and 10 band terms of 3 values, which a version-4 signature does not match;
// 6: the misc name field (XM, slot 17), which the vote on a name's type counts, so a
// database without it would resolve names otherwise; 7: the article's header and body
// in value slots 18 and 19, and no document data.
inline constexpr int kVersion = 7;

// Term prefixes.
inline constexpr std::string_view kIdPrefix = "Q";       // Q<relative path>, one per document
inline constexpr std::string_view kTitlePrefix = "S";    // title words (positional)
inline constexpr std::string_view kStemPrefix = "Z";     // stemmed form, as QueryParser's STEM_SOME
inline constexpr std::string_view kSourcePrefix = "XS";  // folded source name (boolean)
inline constexpr std::string_view kPersonPrefix = "XP";  // folded canonical person (boolean)
inline constexpr std::string_view kPlacePrefix = "XL";   // folded canonical place (boolean)
inline constexpr std::string_view kOrgPrefix = "XO";     // folded canonical organisation
// Folded canonical name of another kind: an event, work, product, award or nationality
// (the tagger's MISC), so that "Oscar" and "DVD" have a field that is not person or org.
inline constexpr std::string_view kMiscPrefix = "XM";
inline constexpr std::string_view kSectionPrefix = "XK";  // folder the article sits in
inline constexpr std::string_view kDayPrefix = "D";       // D<YYYYMMDD>, Omega's date terms
inline constexpr std::string_view kMonthPrefix = "M";     // M<YYYYMM>
inline constexpr std::string_view kYearPrefix = "Y";      // Y<YYYY>
inline constexpr std::string_view kAuthorPrefix = "XA";   // folded author name
inline constexpr std::string_view kTopicPrefix = "XT";    // folded topic or tag
inline constexpr std::string_view kLanguagePrefix = "L";  // ISO 639-1 code, as Omega's L
// XC + a name field's prefix + key (XCXPtony blair): how central the name is to the
// article, as the term's wdf (NamedEntity::weight), so that BM25 ranks a query for a
// name by it. Not a filter: the field's own boolean term is that.
inline constexpr std::string_view kCentralityPrefix = "XC";
// XF<relative path> on every article of a file of many articles (none on plain text).
inline constexpr std::string_view kFilePrefix = "XF";
// XB + band letter + hash: one term per band of the article's story signature
// (story_signature.h), so that its candidate copies are a posting-list lookup away.
inline constexpr std::string_view kStoryBandPrefix = "XB";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;         // "YYYYMMDD", sortable, DateRangeProcessor
inline constexpr Xapian::valueno kFingerprintSlot = 1;  // size, mtime and content hash of the file
inline constexpr Xapian::valueno kSourceSlot = 2;       // source display name (single-valued facet)
inline constexpr Xapian::valueno kYearSlot = 3;         // "YYYY"
inline constexpr Xapian::valueno kMonthSlot = 4;        // "YYYY-MM"
inline constexpr Xapian::valueno kPersonSlot = 5;       // canonical people and their keys
inline constexpr Xapian::valueno kPlaceSlot = 6;        // serialised list of canonical places
inline constexpr Xapian::valueno kOrgSlot = 7;        // serialised list of canonical organisations
inline constexpr Xapian::valueno kSectionSlot = 8;    // folder name (single-valued facet)
inline constexpr Xapian::valueno kRevisionSlot = 9;   // sortable_serialise(revision written)
inline constexpr Xapian::valueno kAuthorSlot = 10;    // serialised list of authors
inline constexpr Xapian::valueno kTopicSlot = 11;     // serialised list of topics or tags
inline constexpr Xapian::valueno kLanguageSlot = 12;  // ISO 639-1 code (single-valued facet)
// An article of a many-article file: the hash of its stored data and the schema, so
// that re-reading a changed file rewrites only the articles that changed.
inline constexpr Xapian::valueno kArticleHashSlot = 13;
// The article's story signature (story_signature.h encode_signature).
inline constexpr Xapian::valueno kSignatureSlot = 14;
// The story key, for Enquire::set_collapse_key: the smallest id term (Q + path) of
// the articles that are one story. Empty for an article that is a story alone (Xapian
// never collapses an empty key), so the slot is sparse.
inline constexpr Xapian::valueno kStorySlot = 15;
// How many articles the story has (decimal), beside the key: "+N copies".
inline constexpr Xapian::valueno kStorySizeSlot = 16;
inline constexpr Xapian::valueno kMiscSlot = 17;  // serialised list of canonical misc names
// The stored article (stored_article.h): its header, one line of JSON with every field
// but the body, and its body as it is. In value slots, not the document data, because
// Xapian stores values as they are and deflates document data.
inline constexpr Xapian::valueno kHeaderSlot = 18;
inline constexpr Xapian::valueno kBodySlot = 19;

// Metadata keys.
inline constexpr std::string_view kLayoutVersionKey = "newsdex.layout";
inline constexpr std::string_view kSchemaKey = "newsdex.schema";  // YAML text of the schema
inline constexpr std::string_view kSchemaJsonKey = "newsdex.schema_json";  // parsed, as JSON
inline constexpr std::string_view kSchemaPathKey = "newsdex.schema_path";  // where it came from
inline constexpr std::string_view kRevisionKey = "newsdex.revision";       // bumped per commit
inline constexpr std::string_view kCorpusKey = "newsdex.corpus";           // absolute corpus root
// The entity tagger's alias list as newsdexd last loaded it (ner::AliasTable::to_json):
// newsdex folds a name typed in a filter through the same list, and through none when
// the key is absent: an index only ever built without entities, or not indexed since
// newsdexd began recording it (its next run with entities does). For a stub, the first
// database's list.
inline constexpr std::string_view kAliasesKey = "newsdex.aliases_json";

}  // namespace newsdex::layout
