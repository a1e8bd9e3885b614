// Every term newsdex writes fits Xapian's limit by construction. Glass refuses a term
// over 245 bytes, and it refuses it by cancelling the whole uncommitted batch, so one
// article with a long file name or a long name in its text would lose every other
// article of its commit. Each term is made here (or checked here) instead.
//
// A term that would be too long takes a digest form of exactly kMaxTermBytes bytes:
// the prefix, the start of its body, '#', and 32 hex digits of a 128-bit hash of the
// whole body. Terms written as they are stay shorter than that, so a term's length
// alone says which form it has, and the same input always gives the same term: the
// writer, the deleter and the query builder meet on it.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Under Xapian's 245 with room: some tables escape bytes of a key.
inline constexpr std::size_t kMaxTermBytes = 240;

// prefix + body when that is shorter than kMaxTermBytes, else the digest form.
std::string bounded_term(std::string_view prefix, std::string_view body);

// True for a term in the digest form (the body is then not in the term).
inline bool is_digest_term(std::string_view term) {
  return term.size() == kMaxTermBytes;
}

// The unique id term of the document of the file at `relative` (Q + path).
std::string id_term(std::string_view relative);

// The relative path of the document that holds id term `term` (its docid `did`): the
// term's body, or for a digest term the path stored in the document's data.
std::string id_of_term(const Xapian::Database& db, std::string_view term, Xapian::docid did);

// The term each article of a file of many articles carries (XF + the file's path), so
// that removing or re-reading the file finds all of them. A whole-file article (plain
// text) has none: its id term is the file's.
std::string file_term(std::string_view relative);

// The file of file term `term` (a document holding it: `did`), as id_of_term.
std::string file_of_term(const Xapian::Database& db, std::string_view term, Xapian::docid did);

// Calls `found(body, term)` for every term of `kind` (layout::kIdPrefix or
// layout::kFilePrefix) whose body (an id, or a file's path) starts with `body_prefix`,
// digest-form terms included.
void for_each_term_with_prefix(
    const Xapian::Database& db, std::string_view kind, std::string_view body_prefix,
    const std::function<void(std::string body, const std::string& term)>& found);

// The ids of every indexed document whose id starts with `id_prefix` (all of them for
// an empty prefix), digest-form ids included.
std::vector<std::string> ids_with_prefix(const Xapian::Database& db, std::string_view id_prefix);

// Whether Xapian would refuse `term` (Glass stores a zero byte of a term as two bytes
// in some keys, so zeros count twice).
bool exceeds_xapian_limit(std::string_view term);

}  // namespace newsdex
