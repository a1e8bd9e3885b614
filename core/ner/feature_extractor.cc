#include "core/ner/feature_extractor.h"

#include <algorithm>
#include <map>

#include "core/ner/feature_hash.h"
#include "core/ner/text_normalise.h"
#include "core/string_table.h"

namespace newsdex::ner {
namespace {

// Template numbers: part of every feature's hash, so they must never be renumbered without
// retraining the model.
enum Template : uint32_t {
  kWord = 1,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kCasing,
  kShapeCasing,
  kNeighbourLower,
  kNeighbourShape,
  kBias,
  kInitialShape,
  kInitialLower,
  kInitialCasing,
  kCapsSentence,
  kCapsLower,
  kCapsShape,
  kBigramLeft,
  kBigramRight,
  kShapeTrigram,
  kShapeLeft,
  kShapeRight,
  kGazetteer,
  kDocumentCasing,
  kSentenceIndexShape,
  kNumericShape,
  kNumericLower,
  kLeftWordShape,
  kShapeRightWord,
  kNeighbourCasing,
  kCluster,
  kGazetteerShape,
};

// Path prefixes of the word's cluster used as features (Ratinov & Roth 2009): coarse to
// fine. The neighbours' prefixes were tried too and lowered dev F1 (0.9372 -> 0.9330).
// A path shorter than a prefix gives the whole path.
constexpr std::size_t kClusterPrefixes[] = {4, 6, 10, 20};

std::string digits_to_zero(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

const char* casing_name(const Lexicon::Entry* entry) {
  if (!entry) return "rare";
  switch (entry->casing) {
    case Lexicon::Casing::Lower:
      return "lower";
    case Lexicon::Casing::Mixed:
      return "mixed";
    case Lexicon::Casing::Capitalised:
      return "cap";
    case Lexicon::Casing::AllCaps:
      return "caps";
    default:
      return "unknown";
  }
}

uint32_t hash1(uint32_t t, std::string_view a) {
  return FeatureHasher(t).add(a).id();
}
uint32_t hash2(uint32_t t, std::string_view a, std::string_view b) {
  return FeatureHasher(t).add(a).add(b).id();
}

bool is_numeric_sentence(const std::vector<std::string>& words) {
  int numbers = 0;
  for (const std::string& w : words) {
    if (has_digit(w)) ++numbers;
  }
  return numbers >= 3 && numbers * 10 >= static_cast<int>(words.size()) * 3;
}

}  // namespace

namespace {

using Spellings = StringTable<std::map<std::string, int>>;

// Informative spellings (not sentence-initial, not in a headline) of the words that headlines
// of the document need truecased; empty when it has no all-caps sentence. Counting only those
// words keeps the per-token cost of documents without headlines at nothing.
Spellings headline_spellings(const DocumentAnalysis& analysis) {
  Spellings spellings;
  for (const SentenceAnalysis& a : analysis.sentences) {
    if (!a.all_caps) continue;
    for (std::size_t i = 0; i < a.forms.size(); ++i) {
      if (has_letter(a.forms[i])) spellings.try_emplace(a.lowers[i]);
    }
  }
  if (spellings.empty()) return spellings;
  for (const SentenceAnalysis& a : analysis.sentences) {
    if (a.all_caps) continue;
    for (std::size_t i = 1; i < a.forms.size(); ++i) {
      if (!has_letter(a.forms[i])) continue;
      if (auto* forms = spellings.find(a.lowers[i])) ++(*forms)[a.forms[i]];
    }
  }
  return spellings;
}

}  // namespace

DocumentAnalysis FeatureExtractor::analyse(const Document& document) const {
  DocumentAnalysis analysis;
  analysis.sentences.resize(document.sentences.size());
  // Per lower-cased word, its informative occurrences in lower case and capitalised.
  StringTable<std::pair<int, int>> lower_and_capitalised;
  for (std::size_t s = 0; s < document.sentences.size(); ++s) {
    const Sentence& sentence = document.sentences[s];
    SentenceAnalysis& a = analysis.sentences[s];
    a.index = s;
    a.all_caps = is_all_caps_sentence(sentence.words);
    a.numeric = is_numeric_sentence(sentence.words);
    std::size_t n = sentence.words.size();
    a.forms.resize(n);
    a.lowers.resize(n);
    a.upper_initial.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      a.forms[i] = ascii_fold(sentence.words[i]);
      a.lowers[i] = lower_case(a.forms[i]);
      a.upper_initial[i] = has_upper_initial(a.forms[i]);
      if (i == 0 || a.all_caps || !has_letter(a.forms[i])) continue;
      auto& lc = lower_and_capitalised[a.lowers[i]];
      if (a.upper_initial[i]) {
        ++lc.second;
      } else {
        ++lc.first;
      }
    }
  }
  Spellings spellings = headline_spellings(analysis);
  for (SentenceAnalysis& a : analysis.sentences) {
    std::size_t n = a.forms.size();
    a.document_casing.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (a.all_caps && has_letter(a.forms[i])) {
        // Truecase headline words from this document's body, else from the training text.
        const auto* seen = spellings.find(a.lowers[i]);
        if (seen && !seen->empty()) {
          int best = 0;
          for (const auto& [form, count] : *seen) {
            if (count > best) {
              best = count;
              a.forms[i] = form;
            }
          }
        } else if (const Lexicon::Entry* entry = lexicon_.find(a.lowers[i]);
                   entry && !entry->usual_form.empty()) {
          a.forms[i] = entry->usual_form;
        }
      }
      const auto* counts = lower_and_capitalised.find(a.lowers[i]);
      if (!counts) continue;
      int lower = counts->first;
      int capitalised = counts->second;
      bool informative = i > 0 && !a.all_caps;
      if (informative) (a.upper_initial[i] ? capitalised : lower) -= 1;  // not itself
      a.document_casing[i] = static_cast<uint8_t>((lower > 0 ? 1 : 0) | (capitalised > 0 ? 2 : 0));
    }
    a.gazetteer = gazetteer_.match(a.lowers);
    a.context_lowers.resize(n);
    a.context_shapes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::string zeroed = digits_to_zero(a.forms[i]);
      a.context_lowers[i] = string_hash(lower_case(zeroed));
      a.context_shapes[i] = string_hash(word_shape(zeroed, true));
    }
  }
  return analysis;
}

void FeatureExtractor::word_features(std::string_view form, FeatureIds& out) const {
  std::string word = digits_to_zero(form);
  std::string lower = lower_case(word);
  std::string shape = word_shape(word, false);
  if (shape.size() > 12) shape.resize(12);
  std::string short_shape = word_shape(word, true);
  const char* casing = casing_name(lexicon_.find(lower_case(form)));
  out.push_back(hash1(kWord, word));
  out.push_back(hash1(kLower, lower));
  out.push_back(hash1(kShape, shape));
  out.push_back(hash1(kShortShape, short_shape));
  for (std::size_t k = 1; k <= 5 && k <= lower.size(); ++k) {
    out.push_back(FeatureHasher(kPrefix).add(static_cast<int>(k)).add(lower.substr(0, k)).id());
    out.push_back(
        FeatureHasher(kSuffix).add(static_cast<int>(k)).add(lower.substr(lower.size() - k)).id());
  }
  out.push_back(hash1(kCasing, casing));
  out.push_back(hash2(kShapeCasing, short_shape, casing));
  // `word` is cluster_key(form): forms are already folded.
  if (const ClusterPath* path = clusters_ ? clusters_->find(word) : nullptr) {
    for (std::size_t p : kClusterPrefixes) {
      out.push_back(combined_feature_id(kCluster, p, std::min<std::size_t>(p, path->length),
                                        path->prefix(p)));
    }
  }
}

void FeatureExtractor::neighbour_features(std::string_view form, int offset,
                                          FeatureIds& out) const {
  std::string word = digits_to_zero(form);
  out.push_back(FeatureHasher(kNeighbourLower).add(offset).add(lower_case(word)).id());
  out.push_back(FeatureHasher(kNeighbourShape).add(offset).add(word_shape(word, true)).id());
  if (offset == -1 || offset == 1) {
    const char* casing = casing_name(lexicon_.find(lower_case(form)));
    out.push_back(FeatureHasher(kNeighbourCasing).add(offset).add(casing).id());
  }
}

std::string_view FeatureExtractor::neighbour_form(const SentenceAnalysis& sentence, std::size_t i,
                                                  int offset) {
  auto j = static_cast<std::ptrdiff_t>(i) + offset;
  if (j < 0) return kBeforeSentence;
  if (j >= static_cast<std::ptrdiff_t>(sentence.forms.size())) return kAfterSentence;
  return sentence.forms[static_cast<std::size_t>(j)];
}

void FeatureExtractor::context_features(const SentenceAnalysis& sentence, std::size_t i,
                                        FeatureIds& out) const {
  // Sentence boundaries read as the markers would after lower_case / word_shape.
  static const uint64_t kLowerBefore = string_hash("<s>"), kLowerAfter = string_hash("</s>");
  static const uint64_t kShapeBefore = string_hash("<X>"), kShapeAfter = string_hash("</X>");
  static const uint64_t kNothing = string_hash("");
  auto lower_at = [&](int offset) {
    std::ptrdiff_t j = neighbour_index(sentence, i, offset);
    if (j < 0) return j == -1 ? kLowerBefore : kLowerAfter;
    return sentence.context_lowers[static_cast<std::size_t>(j)];
  };
  auto shape_at = [&](int offset) {
    std::ptrdiff_t j = neighbour_index(sentence, i, offset);
    if (j < 0) return j == -1 ? kShapeBefore : kShapeAfter;
    return sentence.context_shapes[static_cast<std::size_t>(j)];
  };
  uint64_t lower = lower_at(0);
  uint64_t shape = shape_at(0);
  uint64_t left = lower_at(-1);
  uint64_t right = lower_at(1);
  uint64_t left_shape = shape_at(-1);
  uint64_t right_shape = shape_at(1);

  out.push_back(combined_feature_id(kBias, kNothing));
  if (i == 0) {
    const char* casing = casing_name(lexicon_.find(sentence.lowers[i]));
    out.push_back(combined_feature_id(kInitialShape, shape));
    out.push_back(combined_feature_id(kInitialLower, lower));
    out.push_back(combined_feature_id(kInitialCasing, string_hash(casing), shape));
  }
  if (sentence.all_caps) {
    out.push_back(combined_feature_id(kCapsSentence, kNothing));
    out.push_back(combined_feature_id(kCapsLower, lower));
    out.push_back(combined_feature_id(kCapsShape, shape));
  }
  out.push_back(combined_feature_id(kBigramLeft, left, lower));
  out.push_back(combined_feature_id(kBigramRight, lower, right));
  out.push_back(combined_feature_id(kShapeTrigram, left_shape, shape, right_shape));
  out.push_back(combined_feature_id(kShapeLeft, left_shape, shape));
  out.push_back(combined_feature_id(kShapeRight, shape, right_shape));
  out.push_back(combined_feature_id(kLeftWordShape, left, shape));
  out.push_back(combined_feature_id(kShapeRightWord, shape, right));
  for (int offset = -1; offset <= 1; ++offset) {
    auto j = static_cast<std::ptrdiff_t>(i) + offset;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(sentence.forms.size())) continue;
    const GazetteerMatch& match = sentence.gazetteer[static_cast<std::size_t>(j)];
    for (int c = 0; c < kGazetteerCategories; ++c) {
      if (match[c] == MatchPosition::None) continue;
      out.push_back(combined_feature_id(kGazetteer, offset + 1, c, static_cast<int>(match[c])));
      if (offset == 0) out.push_back(combined_feature_id(kGazetteerShape, c, shape));
    }
  }
  if (sentence.upper_initial[i]) {
    int casing = sentence.document_casing[i];
    int where = i == 0 ? 1 : sentence.all_caps ? 2 : 0;
    out.push_back(combined_feature_id(kDocumentCasing, casing, where));
  }
  std::size_t sentence_index = std::min<std::size_t>(sentence.index, 2);
  out.push_back(combined_feature_id(kSentenceIndexShape, sentence_index, shape));
  if (sentence.numeric) {
    out.push_back(combined_feature_id(kNumericShape, shape));
    out.push_back(combined_feature_id(kNumericLower, lower));
  }
}

void FeatureExtractor::all_features(const SentenceAnalysis& sentence, std::size_t i,
                                    FeatureIds& out) const {
  word_features(sentence.forms[i], out);
  for (int offset : kNeighbourOffsets) {
    neighbour_features(neighbour_form(sentence, i, offset), offset, out);
  }
  context_features(sentence, i, out);
}

}  // namespace newsdex::ner
