#include "core/ner/sequence_tagger.h"

#include <array>
#include <atomic>
#include <cstring>
#include <string>

#include "core/ner/document_evidence.h"
#include "core/ner/viterbi.h"
#include "core/string_table.h"

namespace newsdex::ner {
namespace {

// Per distinct form, the summed weights of its word features (slot 0) and of its neighbour
// features at each offset (slots 1..4), for both passes. Most tokens of an article repeat
// forms, so this replaces ~20 hash lookups per token by five row additions.
struct FormScores {
  // slot[k] = [first pass | second pass]: what one token reads of a form sits in 72
  // contiguous bytes.
  struct Slot {
    std::array<float, kNumTags> pass[2];
  };
  Slot slot[1 + kNumNeighbourOffsets];
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
    if (const FormScores* cached = cache_.find(form)) return *cached;
    FormScores scores{};
    ids_.clear();
    extractor.word_features(form, ids_);
    add(weights, scores, 0, ids_);
    for (int k = 0; k < kNumNeighbourOffsets; ++k) {
      ids_.clear();
      extractor.neighbour_features(form, kNeighbourOffsets[k], ids_);
      add(weights, scores, k + 1, ids_);
    }
    FormScores& added = cache_.try_emplace(form);
    added = scores;
    return added;
  }

 private:
  static void add(const TwoPassWeights& weights, FormScores& scores, int slot,
                  const FeatureIds& ids) {
    for (uint32_t id : ids)
      weights.add(id, scores.slot[slot].pass[0].data(), scores.slot[slot].pass[1].data());
  }
  uint64_t owner_ = 0;
  StringTable<FormScores> cache_;  // values stay put as it grows: callers keep references
  FeatureIds ids_;
};

// Buffers of one tag() call, kept per thread so that their capacity is reused across calls.
struct TagScratch {
  std::vector<const FormScores*> forms;  // per token of the sentence
  FeatureIds ids;
  std::vector<std::size_t> starts;   // token i's context features: ids[starts[i]..starts[i+1])
  std::vector<const int16_t*> rows;  // weights of ids[k], nullptr when none
  std::vector<float> emissions;
};

thread_local FormCache t_form_cache;
thread_local TagScratch t_scratch;
std::atomic<uint64_t> g_next_tagger_id{1};

// Adds the cached word and neighbour sums of token i for both passes: to `first` (pass 0)
// and `second` (pass 1), each in the order own form, then offsets -2, -1, 1, 2. The sums
// are kept in registers, eight tags as one vector (GCC/Clang vector extensions) and the
// ninth alone; each tag's additions happen in the same order as one by one.
void add_form_scores(const SentenceAnalysis& sentence, std::size_t i,
                     const std::vector<const FormScores*>& forms, const FormScores& before,
                     const FormScores& after, float* first, float* second) {
  static_assert(kNumTags == 9, "eight lanes plus one");
  using Floats8 = float __attribute__((vector_size(32)));
  const FormScores* neighbours[kNumNeighbourOffsets];
  for (int k = 0; k < kNumNeighbourOffsets; ++k) {
    std::ptrdiff_t j = FeatureExtractor::neighbour_index(sentence, i, kNeighbourOffsets[k]);
    neighbours[k] = j == -1 ? &before : j == -2 ? &after : forms[static_cast<std::size_t>(j)];
  }
  float* out[2] = {first, second};
  for (int pass = 0; pass < 2; ++pass) {
    Floats8 sum;
    std::memcpy(&sum, out[pass], sizeof sum);
    float last = out[pass][8];
    auto add = [&](const std::array<float, kNumTags>& row) {
      Floats8 r;
      std::memcpy(&r, row.data(), sizeof r);
      sum += r;
      last += row[8];
    };
    add(forms[i]->slot[0].pass[pass]);
    for (int k = 0; k < kNumNeighbourOffsets; ++k) add(neighbours[k]->slot[k + 1].pass[pass]);
    std::memcpy(out[pass], &sum, sizeof sum);
    out[pass][8] = last;
  }
}

}  // namespace

SequenceTagger::SequenceTagger(const Model& model)
    : model_(model),
      extractor_(model.gazetteer, model.lexicon, &model.clusters),
      weights_(model.first_pass, model.second_pass),
      id_(g_next_tagger_id++) {}

std::vector<int> SequenceTagger::first_pass(const SentenceAnalysis& sentence, float* second_base,
                                            float* second_context) const {
  FormCache& cache = t_form_cache;
  TagScratch& scratch = t_scratch;
  const FormScores& before = cache.get(kBeforeSentence, weights_, extractor_);
  const FormScores& after = cache.get(kAfterSentence, weights_, extractor_);
  std::size_t n = sentence.forms.size();
  // Each token's form scores: looked up once, used 2 x 5 times.
  scratch.forms.clear();
  for (const std::string& form : sentence.forms) {
    scratch.forms.push_back(&cache.get(form, weights_, extractor_));
  }
  // The whole sentence's context features first, then their rows in one sweep.
  scratch.ids.clear();
  scratch.starts.clear();
  for (std::size_t i = 0; i < n; ++i) {
    scratch.starts.push_back(scratch.ids.size());
    extractor_.context_features(sentence, i, scratch.ids);
  }
  scratch.starts.push_back(scratch.ids.size());
  scratch.rows.resize(scratch.ids.size());
  weights_.find_all(scratch.ids.data(), scratch.ids.size(), scratch.rows.data());
  scratch.emissions.assign(n * kNumTags, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float* e = &scratch.emissions[i * kNumTags];
    add_form_scores(sentence, i, scratch.forms, before, after, e, second_base + i * kNumTags);
    // Context features are the same in both passes: their second-pass share is kept apart.
    for (std::size_t k = scratch.starts[i]; k < scratch.starts[i + 1]; ++k) {
      weights_.add_row(scratch.rows[k], e, second_context + i * kNumTags);
    }
  }
  return viterbi(scratch.emissions.data(), n, model_.first_pass.transitions());
}

std::vector<int> SequenceTagger::second_pass(const DocumentEvidence& evidence, std::size_t s,
                                             std::size_t n, const float* base,
                                             const float* context) const {
  TagScratch& scratch = t_scratch;
  scratch.emissions.assign(base, base + n * kNumTags);
  for (std::size_t i = 0; i < n; ++i) {
    float* e = &scratch.emissions[i * kNumTags];
    for (int t = 0; t < kNumTags; ++t) e[t] += context[i * kNumTags + t];
    scratch.ids.clear();
    evidence.features(s, i, scratch.ids);
    for (uint32_t id : scratch.ids) weights_.add(id, nullptr, e);
  }
  return viterbi(scratch.emissions.data(), n, model_.second_pass.transitions());
}

std::vector<std::vector<int>> SequenceTagger::tag(const Document& document) const {
  DocumentAnalysis analysis = extractor_.analyse(document);
  t_form_cache.reset_if_needed(id_);
  std::size_t sentences = analysis.sentences.size();
  // Where each sentence's rows start in the document-wide arrays below.
  std::vector<std::size_t> offsets(sentences + 1, 0);
  for (std::size_t s = 0; s < sentences; ++s) {
    offsets[s + 1] = offsets[s] + analysis.sentences[s].forms.size() * kNumTags;
  }
  // What the first pass gathers for the second: the word and neighbour sums (`base`) and the
  // context features' share (`context`), apart so that the second pass adds them as before.
  std::vector<float> base(offsets.back(), 0.0f);
  std::vector<float> context(offsets.back(), 0.0f);
  std::vector<std::vector<int>> first(sentences);
  for (std::size_t s = 0; s < sentences; ++s) {
    first[s] = first_pass(analysis.sentences[s], &base[offsets[s]], &context[offsets[s]]);
  }
  DocumentEvidence evidence(analysis, first);
  std::vector<std::vector<int>> second(sentences);
  for (std::size_t s = 0; s < sentences; ++s) {
    second[s] = second_pass(evidence, s, analysis.sentences[s].forms.size(), &base[offsets[s]],
                            &context[offsets[s]]);
  }
  return second;
}

}  // namespace newsdex::ner
