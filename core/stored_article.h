// What a document stores of its article (as the search CLI prints it) and the file
// fingerprint the indexer compares to skip unchanged files.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace newsdex {

// The article's header: a one-line JSON object with its fields and entities, all but
// the body.
std::string encode_article_header(const Article& article);
// Throws std::runtime_error on a header not written by encode_article_header.
Article decode_article_header(std::string_view header);

// The article goes into two value slots (layout::kHeaderSlot, layout::kBodySlot), the
// body as it is, and not into the document data: Xapian deflates document data on every
// write and inflates it on every read, and that was a sixth of plain-text indexing and a
// quarter of a batch query's work; value slots are stored as they are.
void store_article(const Article& article, Xapian::Document& doc);
// The stored article; without its body when `with_body` is false (an id or a path is
// all the caller needs). Throws std::runtime_error on a document newsdex did not write.
Article load_article(const Xapian::Document& doc, bool with_body = true);
// What identifies the stored article's content: its header and body together.
std::uint64_t stored_content_hash(const Xapian::Document& doc);

// A multi-valued facet slot: one "canonical name\x1Ffolded key" per line. The key is
// the boolean term's suffix, stored so that facet counting merges spellings of one
// term without folding every value on every search. A name without a key is stored
// without one (and counted under its own spelling).
std::string encode_name_list(const std::vector<NamedEntity>& names);
std::vector<std::string> decode_name_list(std::string_view slot);  // display names
inline constexpr char kNameKeySeparator = '\x1F';

// Calls fn(display, key) for each entry of a name list slot, in order; an entry stored
// without a key gives its display as the key.
template <typename Fn>
void for_each_name_entry(std::string_view slot, Fn&& fn) {
  while (!slot.empty()) {
    const auto nl = slot.find('\n');
    const std::string_view entry = slot.substr(0, nl);
    const auto sep = entry.find(kNameKeySeparator);
    const std::string_view display = entry.substr(0, sep);
    fn(display, sep == std::string_view::npos ? display : entry.substr(sep + 1));
    if (nl == std::string_view::npos) break;
    slot.remove_prefix(nl + 1);
  }
}

struct Fingerprint {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t content_hash = 0;
  bool operator==(const Fingerprint&) const = default;
};
std::string encode_fingerprint(const Fingerprint& f);
Fingerprint decode_fingerprint(std::string_view slot);  // zero fingerprint if malformed

// 64-bit FNV-1a over the file's bytes: cheap, and collisions only cost a re-index.
// Given the hash of the bytes before them as `h`, the hash of the two texts as one.
inline constexpr std::uint64_t kContentHashStart = 1469598103934665603ull;
std::uint64_t content_hash(std::string_view bytes, std::uint64_t h = kContentHashStart);

}  // namespace newsdex
