// Casing statistics of words, computed from unlabelled training text.
//
// Whether a word is usually written in lower case is the best clue that a capitalised,
// sentence-initial "Previously" or "Radicals" is not a name, and the usual spelling of a
// word recovers "Japan" from an all-caps headline's "JAPAN".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ner/document.h"
#include "core/string_table.h"

namespace newsdex::ner {

class Lexicon {
 public:
  // How a word is usually written where its case carries information (not sentence-initial,
  // not in an all-caps sentence).
  enum class Casing : uint8_t { Unknown = 0, Lower = 1, Mixed = 2, Capitalised = 3, AllCaps = 4 };

  struct Entry {
    Casing casing = Casing::Unknown;
    std::string usual_form;  // most frequent spelling in informative positions
  };

  // Counts words of all documents (words only, tags are not read). Words seen fewer than
  // `min_count` times are left out, so the lexicon also marks which words are rare.
  static Lexicon build(const std::vector<Document>& documents, int min_count);

  // `lower_key` is lower_case(ascii_fold(word)); nullptr when unknown.
  const Entry* find(std::string_view lower_key) const;

  // Serialisation as (key, casing, usual form) records.
  const auto& entries() const { return entries_.entries(); }
  // The first entry of a key wins.
  void insert(std::string_view key, Entry entry) {
    bool added = false;
    Entry& slot = entries_.try_emplace(key, &added);
    if (added) slot = std::move(entry);
  }

 private:
  StringTable<Entry> entries_;
};

// A sentence whose letters are nearly all upper case (headlines), where case says nothing.
bool is_all_caps_sentence(const std::vector<std::string>& words);

}  // namespace newsdex::ner
