// Feature extraction for the sequence tagger (first pass: everything but predictions).
//
// Features come in three kinds so that tagging can cache the expensive part:
//   - word features depend only on the token's (normalised) form,
//   - neighbour features depend only on the form of the token at a fixed offset,
//   - context features depend on the position (sentence start, bigrams, gazetteer matches,
//     document-level casing).
// Training uses all three as one list; tagging sums the first two per distinct form once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ner/document.h"
#include "core/ner/gazetteer.h"
#include "core/ner/lexicon.h"
#include "core/ner/word_clusters.h"

namespace newsdex::ner {

using FeatureIds = std::vector<uint32_t>;

inline constexpr int kNeighbourOffsets[] = {-2, -1, 1, 2};
inline constexpr int kNumNeighbourOffsets = 4;
inline constexpr std::string_view kBeforeSentence = "<S>";
inline constexpr std::string_view kAfterSentence = "</S>";

// What the features need to know about one sentence, computed once per document.
struct SentenceAnalysis {
  bool all_caps = false;            // headline: case carries no information
  bool numeric = false;             // a results table row: many numbers
  std::size_t index = 0;            // position of the sentence in its document
  std::vector<std::string> forms;   // folded; truecased in all-caps sentences
  std::vector<std::string> lowers;  // lower_case(forms)
  // string_hash of the lower case form with digits as 0, and of its short shape: what the
  // context features combine (hashed once per token, not once per feature).
  std::vector<uint64_t> context_lowers;
  std::vector<uint64_t> context_shapes;
  std::vector<bool> upper_initial;  // of the word as written
  std::vector<GazetteerMatch> gazetteer;
  std::vector<uint8_t> document_casing;  // bit 1: seen lower case elsewhere, bit 2: capitalised
};

struct DocumentAnalysis {
  std::vector<SentenceAnalysis> sentences;
};

class FeatureExtractor {
 public:
  // `clusters` may be nullptr or empty (a model trained without them).
  FeatureExtractor(const Gazetteer& gazetteer, const Lexicon& lexicon,
                   const WordClusters* clusters = nullptr)
      : gazetteer_(gazetteer), lexicon_(lexicon), clusters_(clusters) {}

  DocumentAnalysis analyse(const Document& document) const;

  void word_features(std::string_view form, FeatureIds& out) const;
  // `offset` is one of kNeighbourOffsets; `form` may be kBeforeSentence / kAfterSentence.
  void neighbour_features(std::string_view form, int offset, FeatureIds& out) const;
  void context_features(const SentenceAnalysis& sentence, std::size_t i, FeatureIds& out) const;

  // The form seen at `offset` from token i (or a sentence boundary marker).
  // Index of the token at `offset` from i, or -1 / -2 before / after the sentence.
  static std::ptrdiff_t neighbour_index(const SentenceAnalysis& sentence, std::size_t i,
                                        int offset) {
    auto j = static_cast<std::ptrdiff_t>(i) + offset;
    if (j < 0) return -1;
    if (j >= static_cast<std::ptrdiff_t>(sentence.forms.size())) return -2;
    return j;
  }
  static std::string_view neighbour_form(const SentenceAnalysis& sentence, std::size_t i,
                                         int offset);

  // All three kinds for token i, as training uses them.
  void all_features(const SentenceAnalysis& sentence, std::size_t i, FeatureIds& out) const;

 private:
  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
  const WordClusters* clusters_;
};

}  // namespace newsdex::ner
