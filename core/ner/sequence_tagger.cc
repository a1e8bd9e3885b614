#include "sequence_tagger.h"

#include <array>
#include <atomic>
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

// Kept per thread and reused across calls (articles share most words), so extract() stays
// thread-safe without locks. Bounded: cleared when it grows past kMaxForms or when another
// tagger uses the thread.
class FormCache {
 public:
  static constexpr std::size_t kMaxForms = 50000;

  void reset_if_needed(uint64_t owner) {
    if (owner_ != owner || cache_.size() > kMaxForms) {
      cache_.clear();
      owner_ = owner;
    }
  }

  const FormScores& get(std::string_view form, const TwoPassWeights& weights,
                        const FeatureExtractor& extractor) {
    auto it = cache_.find(form);
    if (it != cache_.end()) return it->second;
    FormScores scores{};
    ids_.clear();
    extractor.word_features(form, ids_);
    add(weights, scores, 0, ids_);
    for (int k = 0; k < kNumNeighbourOffsets; ++k) {
      ids_.clear();
      extractor.neighbour_features(form, kNeighbourOffsets[k], ids_);
      add(weights, scores, k + 1, ids_);
    }
    return cache_.emplace(std::string(form), scores).first->second;
  }

 private:
  static void add(const TwoPassWeights& weights, FormScores& scores, int slot,
                  const FeatureIds& ids) {
    for (uint32_t id : ids)
      weights.add(id, scores.pass[0][slot].data(), scores.pass[1][slot].data());
  }
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  uint64_t owner_ = 0;
  std::unordered_map<std::string, FormScores, Hash, std::equal_to<>> cache_;
  FeatureIds ids_;
};

thread_local FormCache t_form_cache;
std::atomic<uint64_t> g_next_tagger_id{1};

}  // namespace

SequenceTagger::SequenceTagger(const Model& model)
    : model_(model),
      extractor_(model.gazetteer, model.lexicon),
      weights_(model.first_pass, model.second_pass),
      id_(g_next_tagger_id++) {}

std::vector<std::vector<int>> SequenceTagger::tag(const Document& document) const {
  DocumentAnalysis analysis = extractor_.analyse(document);
  FormCache& cache = t_form_cache;
  cache.reset_if_needed(id_);
  const FormScores& before = cache.get(kBeforeSentence, weights_, extractor_);
  const FormScores& after = cache.get(kAfterSentence, weights_, extractor_);
  // Per sentence, the cached scores of each token's form: looked up once, used 2 x 5 times.
  std::vector<std::vector<const FormScores*>> scores(analysis.sentences.size());
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    for (const std::string& form : analysis.sentences[s].forms) {
      scores[s].push_back(&cache.get(form, weights_, extractor_));
    }
  }
  std::vector<std::vector<int>> first(analysis.sentences.size());
  std::vector<std::vector<int>> second(analysis.sentences.size());
  // Context features are the same in both passes: the first pass looks them up once and
  // keeps their second-pass share here.
  std::vector<std::vector<float>> second_context(analysis.sentences.size());
  std::vector<float> emissions;
  FeatureIds ids;
  for (int pass = 0; pass < 2; ++pass) {
    std::unique_ptr<DocumentEvidence> evidence;
    if (pass == 1) evidence = std::make_unique<DocumentEvidence>(analysis, first);
    for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
      const SentenceAnalysis& sentence = analysis.sentences[s];
      std::size_t n = sentence.forms.size();
      std::vector<float>& later = second_context[s];
      if (pass == 0) later.assign(n * kNumTags, 0.0f);
      emissions.assign(n * kNumTags, 0.0f);
      for (std::size_t i = 0; i < n; ++i) {
        float* e = &emissions[i * kNumTags];
        const auto& own = scores[s][i]->pass[pass][0];
        for (int t = 0; t < kNumTags; ++t) e[t] += own[t];
        for (int k = 0; k < kNumNeighbourOffsets; ++k) {
          std::ptrdiff_t j = FeatureExtractor::neighbour_index(sentence, i, kNeighbourOffsets[k]);
          const FormScores& neighbour = j == -1   ? before
                                        : j == -2 ? after
                                                  : *scores[s][static_cast<std::size_t>(j)];
          const auto& row = neighbour.pass[pass][k + 1];
          for (int t = 0; t < kNumTags; ++t) e[t] += row[t];
        }
        float* l = &later[i * kNumTags];
        ids.clear();
        if (pass == 0) {
          extractor_.context_features(sentence, i, ids);
          for (uint32_t id : ids) weights_.add(id, e, l);
        } else {
          for (int t = 0; t < kNumTags; ++t) e[t] += l[t];
          evidence->features(s, i, ids);
          for (uint32_t id : ids) weights_.add(id, nullptr, e);
        }
      }
      const WeightTable& table = pass == 0 ? model_.first_pass : model_.second_pass;
      (pass == 0 ? first : second)[s] = viterbi(emissions.data(), n, table.transitions());
    }
  }
  return second;
}

}  // namespace newsdex::ner
