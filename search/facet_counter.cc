#include "search/facet_counter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/errors.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "core/string_table.h"
#include "core/term_walk.h"

namespace newsdex {

const std::vector<const Field*>& facet_fields() {
  static const std::vector<const Field*> facets = [] {
    std::vector<const Field*> out;
    for (const auto& f : fields())
      if (f.is_facet()) out.push_back(&f);
    return out;
  }();
  return facets;
}

const Field& facet_field(const std::string& name) {
  const Field* f = find_field(name);
  if (!f || !f->is_facet())
    throw UsageError("unknown facet '" + name + "' (facets: " +
                     field_names([](const Field& x) { return x.is_facet(); }) + ")");
  return *f;
}

// The counts of one facet field. A multi-valued slot holds one entry per line,
// "spelling \x1F key"; names are counted by folded key (one boolean term), remembering
// how often each spelling showed it. Single-valued slots are counted whole.
struct FacetCounter::Tally {
  // Almost every key has one spelling: keep the first inline, count others only when
  // they appear.
  struct Spellings {
    std::string first;
    std::uint64_t first_count = 0;
    std::vector<std::pair<std::string, std::uint64_t>> others;
    void add(std::string_view s) {
      if (first_count == 0) first.assign(s);
      if (s == first) {
        ++first_count;
        return;
      }
      for (auto& [o, c] : others)
        if (o == s) {
          ++c;
          return;
        }
      others.emplace_back(std::string(s), 1);
    }
    // The most frequent spelling; ties go to the alphabetically first.
    const std::string& best() const {
      const std::string* b = &first;
      std::uint64_t bc = first_count;
      for (const auto& [o, c] : others)
        if (c > bc || (c == bc && o < *b)) {
          b = &o;
          bc = c;
        }
      return *b;
    }
  };
  struct Name {
    std::uint64_t count = 0;
    Spellings spellings;
  };

  void add(const std::string& value) {
    if (!multi_valued) {
      if (!value.empty()) ++values[value];
      return;
    }
    for_each_name_entry(value, [&](std::string_view display, std::string_view key) {
      // Looked up by view: a key is copied only the first time it is seen.
      Name& n = names.try_emplace(key);
      ++n.count;
      n.spellings.add(display);
    });
  }

  // One article's name under `key`; `display` is empty when the article names it only
  // by another name that resolves to it (its spelling is then not this name's).
  void add_name(std::string_view key, std::string_view display) {
    Name& n = names.try_emplace(key);
    ++n.count;
    if (!display.empty()) n.spellings.add(display);
  }

  bool multi_valued = false;
  // Flat tables: a selective query still meets thousands of names, and each document
  // looks up a dozen of them.
  StringTable<Name> names;
  StringTable<std::uint64_t> values;
};

// The spy only notes which documents match; results() then reads their values along
// each field's value stream, chunk by chunk, in docid order. Reading them through each
// match's Document costs a B-tree lookup per document and slot; measured at a million
// articles the streams won even for queries matching a small share of them, and on a
// corpus of a few thousand the two tied, so the streams are used always.
//
// Over several shards (a stub database), the spy is handed each shard's own document,
// whose docid is the shard's, not the combined database's: there it reads the values
// from the document it is given.
struct FacetCounter::MatchCollector : Xapian::MatchSpy {
  MatchCollector(FacetCounter& counter, bool from_documents)
      : counter(counter), from_documents(from_documents) {}
  void operator()(const Xapian::Document& doc, double) override {
    if (from_documents) {
      counter.count_values(doc);
    } else {
      docids.push_back(doc.get_docid());
    }
  }
  FacetCounter& counter;
  const bool from_documents;
  std::vector<Xapian::docid> docids;  // read from the value streams after the match
};

FacetCounter::FacetCounter(const Xapian::Database& db, const std::vector<std::string>& names,
                           CorpusNames corpus)
    : db_(db) {
  for (const auto& n : names) {
    fields_.push_back(&facet_field(n));
    tallies_.emplace_back().multi_valued = fields_.back()->multi_valued;
    if (fields_.back()->names && !corpus_) {
      if (corpus) {
        corpus_ = &corpus();
      } else {
        own_corpus_ = std::make_unique<EntityResolution>(db);
        corpus_ = own_corpus_.get();
      }
    }
  }
  matches_ = std::make_unique<MatchCollector>(*this, db.size() != 1);
  local_ = db.size() == 1;
}

FacetCounter::Totals FacetCounter::totals() {
  if (matches_->from_documents || !matches_->docids.size())
    return {documents_, documents_ - in_stories_ + story_keys_.size()};
  // The story slot is sparse (only articles with copies hold a key): its stream,
  // skipped along the matches in docid order, passes over the others.
  std::vector<Xapian::docid> sorted = matches_->docids;
  std::sort(sorted.begin(), sorted.end());
  std::uint64_t in_stories = 0;
  std::unordered_set<std::string> keys;
  auto v = db_.valuestream_begin(layout::kStorySlot);
  for (const Xapian::docid did : sorted) {
    if (v == db_.valuestream_end(layout::kStorySlot)) break;
    if (v.get_docid() < did) v.skip_to(did);
    if (v == db_.valuestream_end(layout::kStorySlot)) break;
    if (v.get_docid() == did) {
      ++in_stories;
      keys.insert(*v);
    }
  }
  return {sorted.size(), sorted.size() - in_stories + keys.size()};
}

void FacetCounter::count_values(const Xapian::Document& doc) {
  ++documents_;
  if (std::string key = doc.get_value(layout::kStorySlot); !key.empty()) {
    ++in_stories_;
    story_keys_.insert(std::move(key));
  }
  for (std::size_t i = 0; i < fields_.size(); ++i)
    if (!fields_[i]->names || !counts_names()) tallies_[i].add(doc.get_value(*fields_[i]->slot));
  if (!counts_names()) return;
  NameSlots slots;
  slots.read(doc);
  count_names(slots);
}

void FacetCounter::count_names(const NameSlots& slots) {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (!fields_[i]->names) continue;
    corpus_->names_under(*fields_[i], slots.values(), counted_);
    for (const auto& c : counted_) tallies_[i].add_name(c.key, c.display);
  }
}

FacetCounter::~FacetCounter() = default;

Xapian::MSet FacetCounter::match(Xapian::Enquire& enquire, Xapian::doccount first,
                                 Xapian::doccount max, Xapian::doccount at_least) {
  const Xapian::doccount all = at_least ? at_least : db_.get_doccount();
  enquire.add_matchspy(matches_.get());
  try {
    return enquire.get_mset(first, max, all);
  } catch (const Xapian::UnimplementedError&) {
    // "MatchSpy not suitable for use with remote searches": count from the documents.
    enquire.clear_matchspies();
    matches_->docids.clear();
    local_ = false;
  }
  Xapian::MSet every = enquire.get_mset(0, all);
  every.fetch();
  for (auto m = every.begin(); m != every.end(); ++m) count_values(m.get_document());
  return enquire.get_mset(first, max, all);
}

void rank_facet_values(std::vector<FacetValue>& values, bool date_ordered, std::size_t limit) {
  if (date_ordered) {
    std::sort(values.begin(), values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
    return;  // a timeline is shown whole: cutting it would hide its ends
  }
  const auto better = [](const FacetValue& a, const FacetValue& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  };
  // Only the first `limit` are shown: order those, not the thousands of names behind.
  if (limit && values.size() > limit) {
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(limit),
                      values.end(), better);
    values.resize(limit);
  } else {
    std::sort(values.begin(), values.end(), better);
  }
}

namespace {

// Calls fn(value) with the value of `slot` of each of `docids` (ascending) that has one,
// along the slot's value stream.
template <typename Fn>
void for_each_value(const Xapian::Database& db, Xapian::valueno slot,
                    const std::vector<Xapian::docid>& docids, Fn&& fn) {
  auto v = db.valuestream_begin(slot);
  const auto end = db.valuestream_end(slot);
  for (const Xapian::docid did : docids) {
    if (v == end) return;
    v.skip_to(did);
    if (v == end) return;
    if (v.get_docid() == did) fn(*v);
  }
}

}  // namespace

std::vector<Facet> FacetCounter::results(std::size_t limit) {
  std::vector<Xapian::docid>& docids = matches_->docids;
  std::sort(docids.begin(), docids.end());
  std::vector<Facet> out;
  if (counts_names() && !docids.empty()) {
    // The name slots side by side: a name of one type may count under another.
    std::array<Xapian::ValueIterator, kNameFields> at, end;
    for (std::size_t k = 0; k < kNameFields; ++k) {
      at[k] = db_.valuestream_begin(*name_fields()[k]->slot);
      end[k] = db_.valuestream_end(*name_fields()[k]->slot);
    }
    NameSlots slots;
    for (const Xapian::docid did : docids) {
      for (std::size_t k = 0; k < kNameFields; ++k) {
        if (at[k] != end[k] && at[k].get_docid() < did) at[k].skip_to(did);
        slots.set(k, at[k] != end[k] && at[k].get_docid() == did ? *at[k] : std::string());
      }
      count_names(slots);
    }
  }
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const Field& f = *fields_[i];
    Tally& tally = tallies_[i];
    const bool resolved = f.names && counts_names();
    if (!docids.empty() && !resolved)
      for_each_value(db_, *f.slot, docids, [&](const std::string& value) { tally.add(value); });
    Facet facet{std::string(f.name), {}};
    if (f.multi_valued) {
      facet.values = top_names(f, tally, limit);
    } else {
      for (const auto& [value, count] : tally.values.entries())
        facet.values.push_back({value, count, 0});
      rank_facet_values(facet.values, f.date_ordered, limit);
    }
    out.push_back(std::move(facet));
  }
  docids.clear();
  return out;
}

// The display form of the value behind boolean term `term`: of the entries of the
// documents that carry it, the spelling most of them give (ties: the first in byte
// order), so that it does not depend on which file was indexed first.
std::string display_of(const Xapian::Database& db, const Field& f, const std::string& term,
                       bool local) {
  const std::string key = term.substr(f.prefix.size());
  if (f.is_date()) return date_display(f, key);
  std::map<std::string, std::uint64_t> spellings;
  const bool digest = is_digest_term(term);  // a long name: its key is not in the term
  const auto note = [&](const std::string& value) {
    if (!f.multi_valued) {
      if (!value.empty()) ++spellings[value];
      return;
    }
    for_each_name_entry(value, [&](std::string_view display, std::string_view k) {
      if (k == key || (digest && bounded_term(f.prefix, k) == term))
        ++spellings[std::string(display)];
    });
  };
  // Along the slot's value stream of a local database. At most kSpellingSample articles
  // are asked: beyond that, the first ones by docid speak for the rest. A remote
  // database would fetch every document for a value stream: there the first article
  // that has the value speaks for all.
  constexpr std::size_t kSpellingSample = 10000;
  const std::size_t sample = local ? kSpellingSample : 1;
  if (local) try {
      auto v = db.valuestream_begin(*f.slot);
      const auto end = db.valuestream_end(*f.slot);
      std::size_t read = 0;
      for (auto p = db.postlist_begin(term);
           p != db.postlist_end(term) && v != end && read < sample; ++p, ++read) {
        if (v.get_docid() < *p) v.skip_to(*p);
        if (v != end && v.get_docid() == *p) note(*v);
      }
    } catch (const Xapian::UnimplementedError&) {
      spellings.clear();
      local = false;
    }
  if (!local) {
    std::size_t read = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && read < sample; ++p, ++read)
      note(db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(*f.slot));
  }
  const std::string* best = nullptr;
  std::uint64_t best_count = 0;
  for (const auto& [spelling, count] : spellings)
    if (count > best_count) {
      best = &spelling;
      best_count = count;
    }
  return best ? *best : key;
}

std::string name_display_of(const Xapian::Database& db, const Field& f, const std::string& term,
                            bool local, const EntityResolution& corpus) {
  if (db.term_exists(term)) return display_of(db, f, term, local);
  std::string best;
  Xapian::doccount best_freq = 0;
  for (const std::string& member : corpus.members(term)) {
    const Xapian::doccount freq = db.get_termfreq(member);
    if (freq > best_freq) {
      best = member;
      best_freq = freq;
    }
  }
  const Field* from = best.empty() ? nullptr : field_of_term(best);
  return from ? display_of(db, *from, best, local) : display_of(db, f, term, local);
}

// The top `limit` names (0: all), each in its most frequent spelling. Ranked before the
// names are copied: a selective query still meets thousands of names, and only `limit`
// are printed.
std::vector<FacetValue> FacetCounter::top_names(const Field& field, const Tally& tally,
                                                std::size_t limit) const {
  std::vector<std::pair<std::uint64_t, const std::string*>> ranked;
  std::vector<std::unique_ptr<std::string>> looked_up;  // names met only through others
  for (const auto& [key, n] : tally.names.entries()) {
    if (key.empty()) continue;
    if (n.spellings.first_count) {
      ranked.emplace_back(n.count, &n.spellings.best());
    } else {
      looked_up.push_back(std::make_unique<std::string>(name_display_of(
          db_, field, bounded_term(field.prefix, std::string(key)), local_, *corpus_)));
      ranked.emplace_back(n.count, looked_up.back().get());
    }
  }
  const std::size_t keep = limit ? std::min(limit, ranked.size()) : ranked.size();
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : *a.second < *b.second;
                    });
  std::vector<FacetValue> out;
  for (std::size_t k = 0; k < keep; ++k) out.push_back({*ranked[k].second, ranked[k].first, 0});
  return out;
}

bool whole_corpus_facets_pay(bool remote, std::size_t limit) {
  constexpr std::size_t kRemoteValues = 20;
  return !remote || (limit != 0 && limit <= kRemoteValues);
}

bool matches_everything(const QueryRequest& r) {
  return r.text.find_first_not_of(" \t\n") == std::string::npos && r.filters.empty() &&
         r.since.empty() && r.until.empty() && r.since_revision == 0;
}

std::vector<Facet> whole_corpus_facets(const Xapian::Database& db,
                                       const std::vector<std::string>& fields, std::size_t limit,
                                       const FacetCounter::CorpusNames& corpus_names, bool local) {
  std::vector<Facet> out;
  for (const auto& name : fields) {
    const Field& f = facet_field(name);
    std::vector<std::pair<std::string, std::uint64_t>> terms;
    for_each_term(db, std::string(f.prefix), [&](const std::string& term, Xapian::doccount freq) {
      // Year and month prefixes are single capitals: only their digit terms are theirs.
      if (f.is_date() && (term.size() <= f.prefix.size() ||
                          !std::isdigit(static_cast<unsigned char>(term[f.prefix.size()]))))
        return;
      if (f.names) {
        // A name counted under another is left to that one; one that heads others
        // counts the articles of any of them.
        const EntityResolution& corpus = corpus_names();
        if (corpus.root(term) != term) return;
        const auto group = corpus.groups().find(term);
        if (group != corpus.groups().end()) freq = documents_with_any(db, group->second);
      }
      terms.emplace_back(term, freq);
    });
    if (f.names) {
      // Groups headed by a name no article gives under this field: their members voted
      // them here ("oscar", tagged a person, belongs with the misc "oscars").
      for (const auto& [root, members] : corpus_names().groups())
        if (field_of_term(root) == &f && !db.term_exists(root))
          terms.emplace_back(root, documents_with_any(db, members));
    }
    if (!f.date_ordered) {
      std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      if (limit && terms.size() > limit) terms.resize(limit);
    }
    Facet facet{std::string(f.name), {}};
    for (const auto& [term, count] : terms)
      facet.values.push_back({f.names ? name_display_of(db, f, term, local, corpus_names())
                                      : display_of(db, f, term, local),
                              count, 0});
    rank_facet_values(facet.values, f.date_ordered, limit);
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace newsdex
