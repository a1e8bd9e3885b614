#include "sequence_tagger.h"

#include <array>
#include <memory>
#include <string>
#include <unordered_map>

#include "document_evidence.h"
#include "viterbi.h"

namespace newsdex::ner {
namespace {

// Per distinct form, the summed weights of its word features (slot 0) and of its neighbour
// features at each offset (slots 1..4), for both passes. Most tokens of an article repeat
// forms, so this replaces ~20 hash lookups per token by five row additions.
struct FormScores {
  std::array<std::array<float, kNumTags>, 1 + kNumNeighbourOffsets> pass[2];
};

class FormCache {
 public:
  FormCache(const Model& model, const FeatureExtractor& extractor)
      : model_(model), extractor_(extractor) {}

  const FormScores& get(std::string_view form) {
    auto it = cache_.find(form);
    if (it != cache_.end()) return it->second;
    FormScores scores{};
    ids_.clear();
    extractor_.word_features(form, ids_);
    add(scores, 0, ids_);
    for (int k = 0; k < kNumNeighbourOffsets; ++k) {
      ids_.clear();
      extractor_.neighbour_features(form, kNeighbourOffsets[k], ids_);
      add(scores, k + 1, ids_);
    }
    return cache_.emplace(std::string(form), scores).first->second;
  }

 private:
  void add(FormScores& scores, int slot, const FeatureIds& ids) const {
    for (uint32_t id : ids) {
      model_.first_pass.add_to(id, scores.pass[0][slot].data());
      model_.second_pass.add_to(id, scores.pass[1][slot].data());
    }
  }
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const Model& model_;
  const FeatureExtractor& extractor_;
  std::unordered_map<std::string, FormScores, Hash, std::equal_to<>> cache_;
  FeatureIds ids_;
};

}  // namespace

SequenceTagger::SequenceTagger(const Model& model)
    : model_(model), extractor_(model.gazetteer, model.lexicon) {}

std::vector<std::vector<int>> SequenceTagger::tag(const Document& document) const {
  DocumentAnalysis analysis = extractor_.analyse(document);
  FormCache cache(model_, extractor_);
  std::vector<std::vector<int>> first(analysis.sentences.size());
  std::vector<std::vector<int>> second(analysis.sentences.size());
  std::vector<float> emissions;
  FeatureIds ids;
  for (int pass = 0; pass < 2; ++pass) {
    const WeightTable& table = pass == 0 ? model_.first_pass : model_.second_pass;
    std::unique_ptr<DocumentEvidence> evidence;
    if (pass == 1) evidence = std::make_unique<DocumentEvidence>(analysis, first);
    for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
      const SentenceAnalysis& sentence = analysis.sentences[s];
      std::size_t n = sentence.forms.size();
      emissions.assign(n * kNumTags, 0.0f);
      for (std::size_t i = 0; i < n; ++i) {
        float* e = &emissions[i * kNumTags];
        const auto& own = cache.get(sentence.forms[i]).pass[pass][0];
        for (int t = 0; t < kNumTags; ++t) e[t] += own[t];
        for (int k = 0; k < kNumNeighbourOffsets; ++k) {
          std::string_view form = FeatureExtractor::neighbour_form(sentence, i, kNeighbourOffsets[k]);
          const auto& row = cache.get(form).pass[pass][k + 1];
          for (int t = 0; t < kNumTags; ++t) e[t] += row[t];
        }
        ids.clear();
        extractor_.context_features(sentence, i, ids);
        if (evidence) evidence->features(s, i, ids);
        for (uint32_t id : ids) table.add_to(id, e);
      }
      (pass == 0 ? first : second)[s] = viterbi(emissions.data(), n, table.transitions());
    }
  }
  return second;
}

}  // namespace newsdex::ner
