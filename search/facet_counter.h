// Exact facet counts over every match of a query, not just the page shown: a match spy
// notes every match (check_at_least of all documents), then each field's values are read
// along its value stream.
// Entity facets are multi-valued (an article names many people); source, section,
// year and month hold one value per article.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/fields.h"
#include "search/entity_resolution.h"
#include "search/query_builder.h"
#include "search/results.h"

namespace newsdex {

// The facet fields (those of fields.h with a value slot), and the one called `name`;
// throws UsageError for a name that is not a facet.
const std::vector<const Field*>& facet_fields();
const Field& facet_field(const std::string& name);

class FacetCounter {
 public:
  // `db` must outlive the counter. Names are counted under the entity the corpus
  // resolves them to (entity_resolution.h), from `corpus` when it is given (asked only
  // if a name field is counted; it must outlive the counter), else read from `db`.
  using CorpusNames = std::function<const EntityResolution&()>;
  FacetCounter(const Xapian::Database& db, const std::vector<std::string>& fields,
               CorpusNames corpus = {});
  ~FacetCounter();
  // enquire.get_mset(first, max) with the counter's match spy attached, visiting every
  // match (check_at_least of all documents) so that every match is counted. A remote
  // database (xapian-tcpsrv) runs only Xapian's own spies: there the counts come from
  // the documents of every match, fetched in one batch.
  // `at_least` other than 0 visits only that many matches at least (the counts are then
  // of those: complete when totals().articles is below it).
  Xapian::MSet match(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                     Xapian::doccount at_least = 0);
  // The top `limit` values of each field (0: all), in the order the fields were named.
  // Entity values whose folded keys are equal are one value (one boolean term), shown
  // in their most frequent spelling, so a count always equals the filter's count.
  // Call once, after the match.
  std::vector<Facet> results(std::size_t limit);

  // The exact numbers of matching articles and of the stories they make (copies of
  // one story counted once: layout.h kStorySlot), from the matches the spy saw. Xapian's
  // own totals are estimates once it collapses; these never are. After the match.
  struct Totals {
    std::uint64_t articles = 0, stories = 0;
  };
  Totals totals();

 private:
  struct Tally;
  struct MatchCollector;
  std::vector<FacetValue> top_names(const Field& field, const Tally& tally,
                                    std::size_t limit) const;
  // Adds the document's value of every field to its tally.
  void count_values(const Xapian::Document& doc);
  // Adds one document's names to the tallies of the name fields counted.
  void count_names(const NameSlots& slots);
  bool counts_names() const { return corpus_ != nullptr; }
  const Xapian::Database& db_;
  const EntityResolution* corpus_ = nullptr;  // set when a name field is counted
  bool local_ = true;                         // value streams are local reads (display_of)
  std::unique_ptr<EntityResolution> own_corpus_;
  std::vector<EntityResolution::Counted> counted_;  // one document's names, reused
  std::vector<const Field*> fields_;
  std::vector<Tally> tallies_;  // per field
  // Matches counted from their documents (a remote database): articles, and those
  // that belong to a story of several with the distinct keys among them.
  std::uint64_t documents_ = 0, in_stories_ = 0;
  std::unordered_set<std::string> story_keys_;
  std::unique_ptr<MatchCollector> matches_;
};

// Exact facet counts for a query that matches every document: the frequencies of the
// fields' boolean terms, so no document is visited: the cost follows the number of
// distinct values, not of articles. A name that the corpus resolves several names to
// counts the articles of any of them (their posting lists merged); a name written in
// several spellings is shown in the most frequent (ties: the first in byte order).
std::vector<Facet> whole_corpus_facets(const Xapian::Database& db,
                                       const std::vector<std::string>& fields, std::size_t limit,
                                       const FacetCounter::CorpusNames& corpus, bool local);

// The display form of the value behind boolean term `term` of field `f`: the spelling
// most of the articles that carry it give (ties: the first in byte order).
// `local`: the database has no remote shard (over a remote one, value streams would
// fetch every document, and the first article that has the value is asked instead).
std::string display_of(const Xapian::Database& db, const Field& f, const std::string& term,
                       bool local);

// The same for a name field's term, which may head a group without being in any article
// itself ("Oscar" is a misc name that only its person spellings carry): then the
// spelling of its most frequent member.
std::string name_display_of(const Xapian::Database& db, const Field& f, const std::string& term,
                            bool local, const EntityResolution& corpus);

// Whether a request matches every document: no query text, no filter, no date bound.
bool matches_everything(const QueryRequest& request);

// Whether whole_corpus_facets() is the cheaper way to count facets over every document:
// locally always; over a remote shard, where each value shown costs a round trip, only
// for a short list (a long one reads the documents in one batch instead).
bool whole_corpus_facets_pay(bool remote, std::size_t limit);

// Sorts facet values: by count (ties by value), or by value for date facets, and
// keeps the first `limit`.
void rank_facet_values(std::vector<FacetValue>& values, bool date_ordered, std::size_t limit);

}  // namespace newsdex
