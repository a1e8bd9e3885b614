#include "core/index_terms.h"

#include <algorithm>

#include "core/article_reader.h"
#include "core/layout.h"
#include "core/stored_article.h"

namespace newsdex {
namespace {

// FNV-1a with 128-bit state: no dependency, stable across builds and machines. A
// collision only makes two very long ids share one document; whoever can write such
// files into the corpus could replace either file anyway.
std::string hex_digest(std::string_view body) {
  using u128 = unsigned __int128;
  const u128 prime = (u128{0x0000000001000000} << 64) | 0x000000000000013B;
  u128 h = (u128{0x6c62272e07bb0142} << 64) | 0x62b821756295c58d;
  for (unsigned char c : body) {
    h ^= c;
    h *= prime;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 31; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[static_cast<unsigned>(h & 0xF)];
    h >>= 4;
  }
  return out;
}

// Xapian's own hard limit, for the check of finished documents.
constexpr std::size_t kXapianMaxTermBytes = 245;

}  // namespace

std::string bounded_term(std::string_view prefix, std::string_view body) {
  std::string term(prefix);
  if (prefix.size() + body.size() < kMaxTermBytes) {
    term += body;
    return term;
  }
  const std::string digest = hex_digest(body);
  const std::size_t head = kMaxTermBytes - prefix.size() - 1 - digest.size();
  term.append(body.substr(0, head));
  term += '#';
  term += digest;
  return term;
}

std::string id_term(std::string_view relative) {
  return bounded_term(layout::kIdPrefix, relative);
}

std::string id_of_term(const Xapian::Database& db, std::string_view term, Xapian::docid did) {
  if (!is_digest_term(term)) return std::string(term.substr(layout::kIdPrefix.size()));
  return load_article(db.get_document(did), false).path;
}

std::string file_term(std::string_view relative) {
  return bounded_term(layout::kFilePrefix, relative);
}

std::string file_of_term(const Xapian::Database& db, std::string_view term, Xapian::docid did) {
  if (!is_digest_term(term)) return std::string(term.substr(layout::kFilePrefix.size()));
  // The document's data holds the article's id, "<file>#<key>".
  return std::string(file_of_keyed_id(load_article(db.get_document(did), false).path));
}

void for_each_term_with_prefix(
    const Xapian::Database& db, std::string_view kind, std::string_view body_prefix,
    const std::function<void(std::string body, const std::string& term)>& found) {
  // A digest term keeps the start of its body, so the bodies under a short prefix are
  // all among the terms that start with it; a prefix longer than a digest term's head
  // is looked up among those of its head.
  const std::string full = std::string(kind) + std::string(body_prefix);
  const std::string term_prefix = full.substr(0, std::min(full.size(), kMaxTermBytes - 33));
  for (auto t = db.allterms_begin(term_prefix); t != db.allterms_end(term_prefix); ++t) {
    const std::string term = *t;
    if (!is_digest_term(term)) {
      if (term.compare(0, full.size(), full) == 0) found(term.substr(kind.size()), term);
      continue;
    }
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) continue;
    std::string body =
        kind == layout::kFilePrefix ? file_of_term(db, term, *p) : id_of_term(db, term, *p);
    if (body.compare(0, body_prefix.size(), body_prefix) == 0) found(std::move(body), term);
  }
}

std::vector<std::string> ids_with_prefix(const Xapian::Database& db, std::string_view id_prefix) {
  std::vector<std::string> ids;
  for_each_term_with_prefix(
      db, layout::kIdPrefix, id_prefix,
      [&](std::string id, const std::string&) { ids.push_back(std::move(id)); });
  return ids;
}

bool exceeds_xapian_limit(std::string_view term) {
  if (term.size() <= kXapianMaxTermBytes / 2) return false;  // even if all zeros
  const auto zeros = static_cast<std::size_t>(std::count(term.begin(), term.end(), '\0'));
  return term.size() + zeros > kXapianMaxTermBytes;
}

}  // namespace newsdex
