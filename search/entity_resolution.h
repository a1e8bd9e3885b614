// One name per entity across the corpus: the tagger names an entity within one article
// ("Blair" joins "Tony Blair" there); across articles the index holds every name as
// written, so a surname alone, initials, an acronym or another type's tag would be a
// second facet value and a filter that misses half the articles.
//
// The resolution is read at search time from corpus statistics the database keeps for
// its own sake: the document frequency of every person, place and organisation term. So
// it is the same whatever order the files were indexed in, follows every incremental
// update without a rebuild step, and works across shards and remote databases (their
// term frequencies are merged by Xapian). Rules, each asked of the whole corpus:
//
//  - one type per name: a name tagged under several types belongs to the type most of
//    its articles give it; a one-word "person" who is never named in full anywhere
//    ("Chelsea", a club; "Oscar", an award) yields to another type that at least two
//    articles give it. The misc type (events, works, products, awards) votes too, so
//    a name the tagger mostly calls a product leaves the organisations;
//  - a person's partial name ("Blair", "R O'Gara", "George Bush") joins the fuller name
//    it abbreviates ("Tony Blair", "Ronan O'Gara", "George W Bush") when one such name
//    holds at least two thirds of the articles of all of them; an organisation's last
//    word ("United") likewise, when the fuller name is at least as common;
//  - an acronym ("SEC") joins the organisation whose initials it is ("Securities and
//    Exchange Commission") by the same two-thirds rule;
//  - an organisation's name with and without a plural "s" ("Lib Dem", "Lib Dems") is
//    one name, the more frequent.
//
// A facet counts an article once under the resolved name whichever member names it,
// and a filter on any member matches every member's articles: counts equal filters.
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/fields.h"

namespace newsdex {

// How many name fields there are (person, place, org, misc): one per NameKind.
inline constexpr std::size_t kNameFields = kNameKinds;
// The name fields, in NameKind order.
const std::array<const Field*, kNameFields>& name_fields();

// One article's name slots, in name_fields() order, as EntityResolution::names_under
// takes them.
class NameSlots {
 public:
  // From `doc`'s slots.
  void read(const Xapian::Document& doc);
  // Slot `k`'s value; empty for none.
  void set(std::size_t k, std::string value);
  // Each slot's value, null where it is empty.
  const std::string* const* values() const { return present_.data(); }

 private:
  std::array<std::string, kNameFields> values_;
  std::array<const std::string*, kNameFields> present_{};
};

class EntityResolution {
 public:
  // Reads the terms of every name field (fields() rows with `names`) of `db`.
  explicit EntityResolution(const Xapian::Database& db);

  // The boolean term that `term` (a name field's term) is counted under: itself when
  // nothing resolves it. Terms of other fields are returned unchanged.
  const std::string& root(const std::string& term) const;

  // Every term counted under `root_term` (itself first, the rest sorted); just the
  // term when it heads no group.
  std::vector<std::string> members(const std::string& root_term) const;

  // One name an article is counted under in a name field: its key (the root term's
  // suffix) and the spelling the article gives it, empty when the article names it
  // only by another name (a surname) whose spelling is not this name's.
  struct Counted {
    std::string key;
    std::string_view display;
  };
  // The names of one article under `field`, each once, from the values of its
  // name slots (`values`, in name_fields() order, null where empty). `out` is cleared;
  // its displays point into `values`.
  void names_under(const Field& field, const std::string* const* values,
                   std::vector<Counted>& out) const;

  // Name terms that are the root of a group of several terms, with their members.
  const std::unordered_map<std::string, std::vector<std::string>>& groups() const {
    return groups_;
  }

  // Decides from (term, document frequency) pairs alone: what the constructor does
  // with the database's terms. For tests.
  static EntityResolution from_frequencies(
      const std::vector<std::pair<std::string, Xapian::doccount>>& terms);

 private:
  EntityResolution() = default;
  void resolve(const std::vector<std::pair<std::string, Xapian::doccount>>& terms);
  std::unordered_map<std::string, std::string> root_;  // only terms that move
  std::unordered_map<std::string, std::vector<std::string>> groups_;
};

// The number of documents that hold any of `terms` (a group's members).
Xapian::doccount documents_with_any(const Xapian::Database& db,
                                    const std::vector<std::string>& terms);

}  // namespace newsdex
