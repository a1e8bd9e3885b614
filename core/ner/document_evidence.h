// Second-pass features: what the first pass predicted elsewhere in the same document.
//
// News repeats names, and the first mention is usually the easiest ("President Donald
// Trump"); later, harder mentions ("TRUMP" in a headline, "Trump" at a sentence start)
// borrow its type. This is Ratinov & Roth's non-local "context aggregation" done as
// two-stage stacking: the second model sees the first model's majority type for the same
// word elsewhere in the document and whether the word was part of a longer name there.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/ner/feature_extractor.h"
#include "core/string_table.h"

namespace newsdex::ner {

class DocumentEvidence {
 public:
  // `first_pass[s]` holds the first-pass tags of sentence s.
  DocumentEvidence(const DocumentAnalysis& analysis,
                   const std::vector<std::vector<int>>& first_pass);

  void features(std::size_t s, std::size_t i, FeatureIds& out) const;

 private:
  // Per lower-cased word: occurrences by first-pass type (0 = outside, 1..4 = type + 1), for
  // capitalised occurrences only; and occurrences inside multi-word names, by type.
  struct Counts {
    std::array<int, 5> by_type{};
    std::array<int, 4> in_long_name{};
    std::array<int, 4> last_of_long_name{};
    std::size_t first_sentence = 0, first_token = 0;  // the first capitalised occurrence
    int first_type = 0;                               // and its type (0 = outside)
  };
  // Majority first-pass type (0 = outside) of the other occurrences of token i's word, -1
  // when there are none or the token is not capitalised.
  int majority(std::size_t s, std::size_t i) const;
  struct SpanRole {
    int type = -1;
    bool long_name = false;  // inside a first-pass name of two or more words
    bool last = false;       // the name's last word (surnames)
  };
  static std::vector<SpanRole> span_roles(const std::vector<int>& tags);

  const DocumentAnalysis& analysis_;
  const std::vector<std::vector<int>>& first_pass_;
  StringTable<Counts> counts_;
  std::vector<std::vector<SpanRole>> roles_;  // per sentence, per token
};

}  // namespace newsdex::ner
