#include "core/ner/gazetteer.h"

#include <algorithm>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {
namespace {

constexpr std::array<const char*, kGazetteerCategories> kCategoryNames = {
    "country", "region", "city", "demonym", "organisation", "first_name", "person"};

}  // namespace

const char* gazetteer_category_name(GazetteerCategory category) {
  return kCategoryNames[static_cast<int>(category)];
}

bool parse_gazetteer_category(std::string_view name, GazetteerCategory& out) {
  for (int i = 0; i < kGazetteerCategories; ++i) {
    if (name == kCategoryNames[i]) {
      out = static_cast<GazetteerCategory>(i);
      return true;
    }
  }
  return false;
}

void Gazetteer::add(GazetteerCategory category, std::string_view phrase) {
  std::string folded = lower_case(ascii_fold(phrase));
  std::string key;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    std::size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) {
      if (!key.empty()) key += ' ';
      key.append(folded, i, j - i);
    }
    i = j;
  }
  if (key.empty()) return;
  add_key(key, static_cast<uint8_t>(1u << static_cast<int>(category)));
}

void Gazetteer::add_key(const std::string& key, uint8_t mask) {
  Node& node = nodes_[key];
  if (node.categories == 0) ++phrase_count_;
  node.categories |= mask;
  for (std::size_t space = key.find(' '); space != std::string::npos;
       space = key.find(' ', space + 1)) {
    nodes_[key.substr(0, space)].is_prefix = true;
  }
}

std::vector<GazetteerMatch> Gazetteer::match(const std::vector<std::string>& lower_words) const {
  std::vector<GazetteerMatch> result(lower_words.size());
  for (auto& m : result) m.fill(MatchPosition::None);
  // Longest match per category wins: record (length, start) of every match, then fill the
  // longest first and never overwrite.
  struct Found {
    std::size_t start, length;
    uint8_t categories;
  };
  std::vector<Found> found;
  std::string key;
  for (std::size_t start = 0; start < lower_words.size(); ++start) {
    // Most words start no phrase: look the word up as it is before building longer keys.
    const Node* node = nodes_.find(lower_words[start]);
    if (!node) continue;
    if (node->categories != 0) found.push_back({start, 1, node->categories});
    if (!node->is_prefix) continue;
    key = lower_words[start];
    for (std::size_t end = start + 1; end < lower_words.size(); ++end) {
      key += ' ';
      key += lower_words[end];
      node = nodes_.find(key);
      if (!node) break;
      if (node->categories != 0) found.push_back({start, end - start + 1, node->categories});
      if (!node->is_prefix) break;
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.length > b.length; });
  for (const Found& f : found) {
    for (int c = 0; c < kGazetteerCategories; ++c) {
      if (!(f.categories & (1u << c))) continue;
      bool free = true;
      for (std::size_t k = f.start; k < f.start + f.length; ++k) {
        if (result[k][c] != MatchPosition::None) free = false;
      }
      if (!free) continue;
      for (std::size_t k = f.start; k < f.start + f.length; ++k) {
        MatchPosition p = f.length == 1                 ? MatchPosition::Unit
                          : k == f.start                ? MatchPosition::Begin
                          : k + 1 == f.start + f.length ? MatchPosition::Last
                                                        : MatchPosition::Inside;
        result[k][c] = p;
      }
    }
  }
  return result;
}

std::vector<std::pair<std::string, uint8_t>> Gazetteer::phrases() const {
  std::vector<std::pair<std::string, uint8_t>> out;
  for (const auto& [key, node] : nodes_.entries()) {
    if (node.categories != 0) out.emplace_back(key, node.categories);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace newsdex::ner
