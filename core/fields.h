// The one table of the index's filter and facet fields. Each row says what the field
// is called (`--facet person`, `person:"Tony Blair"`, `--filter person:...`), which
// boolean term prefix and value slot hold it (Omega's conventions, as layout.h), how
// many values an article has, whether its facet is a timeline, whether typed names
// resolve through the alias lists, and how it is filled from an article. The document
// builder, the query builder, the facet counter, `stats`, `show` and `--help` all read
// this table: a new field is a new row (and, if it comes from a new place in the
// article, the member of Article that holds it).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/text_analyzer.h"

namespace newsdex {

// Which alias list resolves a typed name ("US" -> "United States").
// In the tagger's type order (ner::EntityType): the alias lists use the same numbers.
enum class NameKind { Person, Place, Org, Misc };
inline constexpr std::size_t kNameKinds = 4;

// The article's list of names of `kind` (people, places, orgs, misc).
std::vector<NamedEntity>& name_list(Article& article, NameKind kind);

// One value of a field, as an article gives it.
struct FieldValue {
  std::string display;  // shown in facets and stored in the value slot
  std::string key;      // the term's suffix, when known; else folded from `display`
  unsigned weight = 0;  // a name's centrality (NamedEntity::weight); 0 for other values
};

struct Field {
  std::string_view name;
  std::string_view prefix;              // boolean term prefix
  std::optional<Xapian::valueno> slot;  // facet values; none: a filter only
  bool multi_valued = false;            // many values an article (entities)
  bool date_ordered = false;            // a timeline: facets in date order, whole
  std::optional<NameKind> names;        // typed names resolve through aliases
  // A date field's value is digits, typed as this example shows ("2018-04"); empty
  // for names, which are folded (case, diacritics) into the term.
  std::string_view date_example;
  // Where the field's values come from, as the schema's facets.FIELD.from names it
  // ("entities", "dateline", "folder", "date"); `from: none` leaves the field out.
  std::string_view source;
  // The field's values in `article`.
  std::vector<FieldValue> (*values)(const Article& article);

  bool is_date() const { return !date_example.empty(); }
  bool is_facet() const { return slot.has_value(); }
};

// Every field, in the order help texts and `stats` list them.
const std::vector<Field>& fields();

// The field called `name`, or nullptr.
const Field* find_field(std::string_view name);

// The field whose prefix `term` starts with (a filter term of a document), or nullptr.
const Field* field_of_term(std::string_view term);

// The boolean term of a value of `field` as facets display it: a date's digits
// ("2018-04" -> M201804), a name folded (case, diacritics) and bounded (index_terms.h).
std::string field_term(const Field& field, std::string_view display, TextAnalyzer& analyzer);

// A date field's value as facets display it, from its term's digits ("201804" ->
// "2018-04", shaped as the field's example); other digits are returned as they are.
std::string date_display(const Field& field, std::string_view digits);

// "person, place, org, ..." of the fields that `which` accepts, for help and errors.
std::string field_names(bool (*which)(const Field&) = nullptr);

}  // namespace newsdex
