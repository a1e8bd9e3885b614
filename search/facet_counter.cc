#include "facet_counter.h"

#include <algorithm>
#include <cctype>

#include "errors.h"
#include "layout.h"
#include "stored_article.h"
#include "string_table.h"
#include "term_walk.h"

namespace newsdex {

const std::vector<FacetField>& facet_fields() {
  static const std::vector<FacetField> fields = {
      {"person", layout::kPersonSlot, true, false, std::string(layout::kPersonPrefix)},
      {"place", layout::kPlaceSlot, true, false, std::string(layout::kPlacePrefix)},
      {"org", layout::kOrgSlot, true, false, std::string(layout::kOrgPrefix)},
      {"source", layout::kSourceSlot, false, false, std::string(layout::kSourcePrefix)},
      {"section", layout::kSectionSlot, false, false, std::string(layout::kSectionPrefix)},
      {"year", layout::kYearSlot, false, true, std::string(layout::kYearPrefix)},
      {"month", layout::kMonthSlot, false, true, std::string(layout::kMonthPrefix)}};
  return fields;
}

const FacetField& facet_field(const std::string& name) {
  for (const auto& f : facet_fields())
    if (f.name == name) return f;
  std::string list;
  for (const auto& f : facet_fields()) list += (list.empty() ? "" : ", ") + f.name;
  throw UsageError("unknown facet '" + name + "' (facets: " + list + ")");
}

// Counts every name in a multi-valued slot, by its folded key (one boolean term),
// remembering how often each spelling showed it. ValueCountMatchSpy would count the
// whole serialised list as one value.
struct FacetCounter::Spy : Xapian::MatchSpy {
  explicit Spy(Xapian::valueno slot) : slot(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(slot);
    std::string_view rest(value);
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      const std::string_view entry = rest.substr(0, nl);
      const auto sep = entry.find(kNameKeySeparator);
      const std::string_view display = entry.substr(0, sep);
      const std::string_view key = sep == std::string_view::npos ? display : entry.substr(sep + 1);
      // Looked up by view: a key is copied only the first time it is seen.
      Value& v = by_key.try_emplace(key);
      ++v.count;
      v.spellings.add(display);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
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
  struct Value {
    std::uint64_t count = 0;
    Spellings spellings;
  };
  Xapian::valueno slot;
  // A flat table: a selective query still meets thousands of names, and each document
  // looks up a dozen of them.
  StringTable<Value> by_key;
};

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    const FacetField& f = facet_field(n);
    fields_.push_back(&f);
    if (f.multi_valued)
      owned_.push_back(std::make_unique<Spy>(f.slot));
    else
      owned_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
    spies_.push_back(owned_.back().get());
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto* s : spies_) enquire.add_matchspy(s);
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

// The top `limit` names a spy counted (0: all). Ranked before the names are copied: a
// selective query still meets thousands of names, and only `limit` are printed.
std::vector<FacetValue> FacetCounter::top_names(const Spy& spy, std::size_t limit) {
  std::vector<std::pair<std::uint64_t, const std::string*>> ranked;
  for (const auto& [key, v] : spy.by_key.entries())
    if (!key.empty()) ranked.emplace_back(v.count, &v.spellings.best());
  const std::size_t keep = limit ? std::min(limit, ranked.size()) : ranked.size();
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : *a.second < *b.second;
                    });
  std::vector<FacetValue> out;
  for (std::size_t k = 0; k < keep; ++k) out.push_back({*ranked[k].second, ranked[k].first, 0});
  return out;
}

std::vector<Facet> FacetCounter::results(std::size_t limit) const {
  std::vector<Facet> out;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    Facet f{fields_[i]->name, {}};
    if (fields_[i]->multi_valued) {
      f.values = top_names(*static_cast<const Spy*>(spies_[i]), limit);
    } else {
      auto* spy = static_cast<const Xapian::ValueCountMatchSpy*>(spies_[i]);
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
        if (!(*it).empty()) f.values.push_back({*it, it.get_termfreq(), 0});
      rank_facet_values(f.values, fields_[i]->date_ordered, limit);
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace newsdex

namespace newsdex {
namespace {

// The display form of the value behind boolean term `term`, from one document that
// carries it: the entry of the slot whose key is the term's suffix.
std::string display_of(const Xapian::Database& db, const FacetField& f, const std::string& term) {
  const std::string key = term.substr(f.prefix.size());
  if (f.name == "year") return key;
  if (f.name == "month") return key.size() == 6 ? key.substr(0, 4) + "-" + key.substr(4) : key;
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return key;
  const std::string value = db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(f.slot);
  if (!f.multi_valued) return value.empty() ? key : value;
  std::string_view rest(value);
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    const std::string_view entry = rest.substr(0, nl);
    const auto sep = entry.find(kNameKeySeparator);
    if (sep != std::string_view::npos && entry.substr(sep + 1) == key)
      return std::string(entry.substr(0, sep));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return key;
}

}  // namespace

bool matches_everything(const QueryRequest& r) {
  return r.text.find_first_not_of(" \t\n") == std::string::npos && r.filters.empty() &&
         r.since.empty() && r.until.empty() && r.since_revision == 0;
}

std::vector<Facet> whole_corpus_facets(const Xapian::Database& db,
                                       const std::vector<std::string>& fields, std::size_t limit) {
  std::vector<Facet> out;
  for (const auto& name : fields) {
    const FacetField& f = facet_field(name);
    std::vector<std::pair<std::string, std::uint64_t>> terms;
    for_each_term(db, f.prefix, [&](const std::string& term, Xapian::doccount freq) {
      // Year and month prefixes are single capitals: only their digit terms are theirs.
      if ((f.name == "year" || f.name == "month") &&
          (term.size() <= f.prefix.size() ||
           !std::isdigit(static_cast<unsigned char>(term[f.prefix.size()]))))
        return;
      terms.emplace_back(term, freq);
    });
    if (!f.date_ordered) {
      std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      if (limit && terms.size() > limit) terms.resize(limit);
    }
    Facet facet{f.name, {}};
    for (const auto& [term, count] : terms)
      facet.values.push_back({display_of(db, f, term), count, 0});
    rank_facet_values(facet.values, f.date_ordered, limit);
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace newsdex
