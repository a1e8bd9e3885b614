#include "core/fields.h"

#include "core/index_terms.h"
#include "core/layout.h"

namespace newsdex {
namespace {

std::vector<FieldValue> names(const std::vector<NamedEntity>& list) {
  std::vector<FieldValue> out;
  out.reserve(list.size());
  for (const auto& n : list) out.push_back({n.canonical, n.key, n.weight});
  return out;
}

std::vector<FieldValue> list(const std::vector<std::string>& values) {
  std::vector<FieldValue> out;
  out.reserve(values.size());
  for (const auto& v : values)
    if (!v.empty()) out.push_back({v, {}});
  return out;
}

std::vector<FieldValue> one(const std::string& value) {
  if (value.empty()) return {};
  return {{value, {}}};
}

// Dates are YYYYMMDD in the article: the day, month and year terms take its digits,
// the facet slots the forms a timeline shows ("2018", "2018-04").
std::vector<FieldValue> date_part(const Article& a, std::size_t digits) {
  if (a.date.size() < 8) return {};
  std::string display = a.date.substr(0, 4);
  if (digits >= 6) display += "-" + a.date.substr(4, 2);
  if (digits == 8) display += "-" + a.date.substr(6, 2);
  return {{display, a.date.substr(0, digits)}};
}

}  // namespace

const std::vector<Field>& fields() {
  static const std::vector<Field> table = {
      {"person", layout::kPersonPrefix, layout::kPersonSlot, true, false, NameKind::Person, "",
       "entities", [](const Article& a) { return names(a.people); }},
      {"place", layout::kPlacePrefix, layout::kPlaceSlot, true, false, NameKind::Place, "",
       "entities", [](const Article& a) { return names(a.places); }},
      {"org", layout::kOrgPrefix, layout::kOrgSlot, true, false, NameKind::Org, "", "entities",
       [](const Article& a) { return names(a.orgs); }},
      {"misc", layout::kMiscPrefix, layout::kMiscSlot, true, false, NameKind::Misc, "", "entities",
       [](const Article& a) { return names(a.misc); }},
      {"source", layout::kSourcePrefix, layout::kSourceSlot, false, false, std::nullopt, "",
       "dateline", [](const Article& a) { return one(a.source); }},
      {"section", layout::kSectionPrefix, layout::kSectionSlot, false, false, std::nullopt, "",
       "folder", [](const Article& a) { return one(a.section); }},
      {"author", layout::kAuthorPrefix, layout::kAuthorSlot, true, false, std::nullopt, "", "data",
       [](const Article& a) { return list(a.authors); }},
      {"topic", layout::kTopicPrefix, layout::kTopicSlot, true, false, std::nullopt, "", "data",
       [](const Article& a) { return list(a.topics); }},
      {"language", layout::kLanguagePrefix, layout::kLanguageSlot, false, false, std::nullopt, "",
       "language", [](const Article& a) { return one(a.language); }},
      {"year", layout::kYearPrefix, layout::kYearSlot, false, true, std::nullopt, "2018", "date",
       [](const Article& a) { return date_part(a, 4); }},
      {"month", layout::kMonthPrefix, layout::kMonthSlot, false, true, std::nullopt, "2018-04",
       "date", [](const Article& a) { return date_part(a, 6); }},
      {"day", layout::kDayPrefix, std::nullopt, false, true, std::nullopt, "2018-04-12", "date",
       [](const Article& a) { return date_part(a, 8); }},
  };
  return table;
}

std::vector<NamedEntity>& name_list(Article& a, NameKind kind) {
  switch (kind) {
    case NameKind::Person:
      return a.people;
    case NameKind::Place:
      return a.places;
    case NameKind::Org:
      return a.orgs;
    case NameKind::Misc:
      break;
  }
  return a.misc;
}

const Field* find_field(std::string_view name) {
  for (const auto& f : fields())
    if (f.name == name) return &f;
  return nullptr;
}

const Field* field_of_term(std::string_view term) {
  const Field* best = nullptr;
  for (const auto& f : fields())
    if (term.substr(0, f.prefix.size()) == f.prefix &&
        (!best || f.prefix.size() > best->prefix.size()))
      best = &f;
  return best;
}

std::string field_term(const Field& field, std::string_view display, TextAnalyzer& analyzer) {
  if (!field.is_date()) return bounded_term(field.prefix, analyzer.fold_phrase(display));
  std::string term(field.prefix);
  for (char c : display)
    if (c >= '0' && c <= '9') term += c;
  return term;
}

std::string date_display(const Field& field, std::string_view digits) {
  std::string out;
  std::size_t next = 0;
  for (char c : field.date_example) {
    if (c < '0' || c > '9') {
      out += c;
      continue;
    }
    if (next == digits.size()) return std::string(digits);
    out += digits[next++];
  }
  return next == digits.size() ? out : std::string(digits);
}

std::string field_names(bool (*which)(const Field&)) {
  std::string out;
  for (const auto& f : fields()) {
    if (which && !which(f)) continue;
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

}  // namespace newsdex
