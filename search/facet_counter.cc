#include "facet_counter.h"

#include <algorithm>
#include <unordered_map>

#include "errors.h"
#include "layout.h"
#include "stored_article.h"

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

// Counts every name in a multi-valued slot. ValueCountMatchSpy would count the whole
// serialised list as one value.
struct FacetCounter::Spy : Xapian::MatchSpy {
  explicit Spy(Xapian::valueno slot) : slot(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(slot);
    std::string_view rest(value);
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      const std::string_view name = rest.substr(0, nl);
      // Look up by view: a new string is made only the first time a name is seen.
      auto it = counts.find(name);
      if (it == counts.end()) it = counts.emplace(std::string(name), 0).first;
      ++it->second;
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Xapian::valueno slot;
  std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>> counts;
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
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  });
  if (limit && values.size() > limit) values.resize(limit);
}

std::vector<Facet> FacetCounter::results(std::size_t limit, TextAnalyzer& analyzer) const {
  std::vector<Facet> out;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    Facet f{fields_[i]->name, {}};
    if (fields_[i]->multi_valued) {
      // key -> (total, spelling with the highest count)
      std::unordered_map<
          std::string, std::pair<std::uint64_t, const std::pair<const std::string, std::uint64_t>*>>
          by_key;
      for (const auto& entry : static_cast<const Spy*>(spies_[i])->counts) {
        if (entry.first.empty()) continue;
        auto& [total, spelling] = by_key[analyzer.fold_phrase(entry.first)];
        total += entry.second;
        if (!spelling || entry.second > spelling->second ||
            (entry.second == spelling->second && entry.first < spelling->first))
          spelling = &entry;
      }
      for (const auto& [key, merged] : by_key)
        f.values.push_back({merged.second->first, merged.first, 0});
    } else {
      auto* spy = static_cast<const Xapian::ValueCountMatchSpy*>(spies_[i]);
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
        if (!(*it).empty()) f.values.push_back({*it, it.get_termfreq(), 0});
    }
    rank_facet_values(f.values, fields_[i]->date_ordered, limit);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace newsdex
