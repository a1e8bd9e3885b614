// Lists of known names (countries, regions, cities, demonyms, organisations, first names)
// matched against token sequences.
//
// Membership is a feature, not a decision: the model learns from CoNLL how much to trust
// each list, which then carries over to names CoNLL never saw ("Twitter", "Eastern Ghouta").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_table.h"

namespace newsdex::ner {

enum class GazetteerCategory : uint8_t {
  Country = 0,
  Region = 1,
  City = 2,
  Demonym = 3,
  Organisation = 4,
  FirstName = 5,
  Person = 6,
};
inline constexpr int kGazetteerCategories = 7;
const char* gazetteer_category_name(GazetteerCategory category);
// Returns false when `name` is not a category name.
bool parse_gazetteer_category(std::string_view name, GazetteerCategory& out);

// Where a token sits in the longest match of one category: none, B(egin), I(nside), L(ast), U(nit).
enum class MatchPosition : uint8_t { None = 0, Begin = 1, Inside = 2, Last = 3, Unit = 4 };
using GazetteerMatch = std::array<MatchPosition, kGazetteerCategories>;

class Gazetteer {
 public:
  // `phrase` is split on spaces; matching ignores case and diacritics.
  void add(GazetteerCategory category, std::string_view phrase);

  // One GazetteerMatch per word of the sentence.
  std::vector<GazetteerMatch> match(const std::vector<std::string>& lower_words) const;

  // Phrases (as keys: lower-case, folded, single spaces) with their category bit masks,
  // sorted so that a saved model is the same bytes on every run.
  std::vector<std::pair<std::string, uint8_t>> phrases() const;
  void add_key(const std::string& key, uint8_t mask);
  std::size_t size() const { return phrase_count_; }

 private:
  struct Node {
    uint8_t categories = 0;  // bit mask of categories for which this key is a whole phrase
    bool is_prefix = false;  // some longer phrase starts with this key
  };
  StringTable<Node> nodes_;
  std::size_t phrase_count_ = 0;
};

}  // namespace newsdex::ner
