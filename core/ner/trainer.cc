#include "core/ner/trainer.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <unordered_map>

#include "core/ner/document_evidence.h"
#include "core/ner/evaluation.h"
#include "core/ner/feature_extractor.h"
#include "core/ner/perceptron.h"

namespace newsdex::ner {
namespace {

// Hashed features of every token, sentence by sentence, before the dense re-indexing.
struct RawCorpus {
  std::vector<EncodedSentence> sentences;  // features hold hashed ids here
  std::vector<std::size_t> document_of;    // document index of each sentence
};

using EvidenceFn = std::function<void(std::size_t doc, std::size_t s, std::size_t i, FeatureIds&)>;

RawCorpus extract(const std::vector<Document>& documents,
                  const std::vector<DocumentAnalysis>& analyses, const FeatureExtractor& extractor,
                  const EvidenceFn& evidence) {
  RawCorpus corpus;
  FeatureIds ids;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (std::size_t s = 0; s < documents[d].sentences.size(); ++s) {
      const SentenceAnalysis& sentence = analyses[d].sentences[s];
      EncodedSentence encoded;
      encoded.gold = documents[d].sentences[s].gold;
      encoded.offsets.push_back(0);
      for (std::size_t i = 0; i < sentence.forms.size(); ++i) {
        ids.clear();
        extractor.all_features(sentence, i, ids);
        if (evidence) evidence(d, s, i, ids);
        encoded.features.insert(encoded.features.end(), ids.begin(), ids.end());
        encoded.offsets.push_back(static_cast<uint32_t>(encoded.features.size()));
      }
      corpus.sentences.push_back(std::move(encoded));
      corpus.document_of.push_back(d);
    }
  }
  return corpus;
}

// Hashed ids <-> dense rows. Rows are numbered in order of first appearance in train.
struct FeatureIndex {
  std::unordered_map<uint32_t, uint32_t> row_of;
  std::vector<uint32_t> id_of;

  static FeatureIndex build(const RawCorpus& train, int min_count) {
    std::unordered_map<uint32_t, int> counts;
    for (const auto& s : train.sentences) {
      for (uint32_t id : s.features) ++counts[id];
    }
    FeatureIndex index;
    for (const auto& s : train.sentences) {
      for (uint32_t id : s.features) {
        if (counts[id] < min_count || index.row_of.count(id)) continue;
        index.row_of.emplace(id, static_cast<uint32_t>(index.id_of.size()));
        index.id_of.push_back(id);
      }
    }
    return index;
  }

  // Replaces hashed ids by rows in place; unknown features are dropped.
  void encode(RawCorpus& corpus) const {
    for (auto& s : corpus.sentences) {
      std::vector<uint32_t> features;
      std::vector<uint32_t> offsets{0};
      for (std::size_t i = 0; i + 1 < s.offsets.size(); ++i) {
        for (uint32_t k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
          auto it = row_of.find(s.features[k]);
          if (it != row_of.end()) features.push_back(it->second);
        }
        offsets.push_back(static_cast<uint32_t>(features.size()));
      }
      s.features = std::move(features);
      s.offsets = std::move(offsets);
    }
  }
};

struct Weights {
  std::vector<float> rows;
  std::array<float, kTransitionSize> transitions{};
};

// Deterministic shuffle (std::shuffle's algorithm is not specified across libraries).
void shuffle(std::vector<std::size_t>& order, uint64_t seed) {
  uint64_t state = seed;
  auto next = [&state] {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
}

double dev_f1(const std::vector<EncodedSentence>& dev, const Weights& w) {
  Evaluation evaluation;
  for (const auto& s : dev) {
    evaluation.add(s.gold, AveragedPerceptron::decode(s, w.rows, w.transitions));
  }
  return evaluation.overall().f1();
}

// Trains on `train_sentences` (indices into corpus). With a dev set, returns the averaged
// weights of the epoch that scored best on it.
Weights train_perceptron(const std::vector<EncodedSentence>& corpus,
                         const std::vector<std::size_t>& train_sentences, std::size_t num_features,
                         const std::vector<EncodedSentence>* dev, const TrainingOptions& options,
                         const char* label) {
  AveragedPerceptron perceptron(num_features);
  Weights best;
  double best_f1 = -1.0;
  std::vector<std::size_t> order = train_sentences;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto started = std::chrono::steady_clock::now();
    shuffle(order, options.seed + static_cast<uint64_t>(epoch));
    for (std::size_t s : order) perceptron.train(corpus[s]);
    bool last = epoch == options.epochs;
    if (!dev && !last) continue;
    Weights current;
    perceptron.averaged(current.rows, current.transitions);
    double f1 = dev ? dev_f1(*dev, current) : 0.0;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.progress && dev) {
      char line[128];
      std::snprintf(line, sizeof line, "%s epoch %d/%d: %.1f s, dev F1 %.4f\n", label, epoch,
                    options.epochs, seconds, f1);
      *options.progress << line << std::flush;
    }
    if (!dev || f1 > best_f1) {
      best_f1 = f1;
      best = std::move(current);
    }
  }
  return best;
}

std::vector<std::vector<std::vector<int>>> empty_predictions(const std::vector<Document>& docs) {
  std::vector<std::vector<std::vector<int>>> out(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) out[d].resize(docs[d].sentences.size());
  return out;
}

WeightTable to_table(const Weights& w, const FeatureIndex& index) {
  std::vector<std::pair<uint32_t, WeightTable::Row>> rows;
  for (std::size_t r = 0; r < index.id_of.size(); ++r) {
    WeightTable::Row row;
    bool any = false;
    for (int t = 0; t < kNumTags; ++t) {
      row[t] = w.rows[r * kNumTags + t];
      any = any || row[t] != 0.0f;
    }
    if (any) rows.emplace_back(index.id_of[r], row);
  }
  return WeightTable(rows, w.transitions);
}

void say(const TrainingOptions& options, const std::string& text) {
  if (options.progress) *options.progress << text << '\n' << std::flush;
}

}  // namespace

Model train_model(const std::vector<Document>& train, const std::vector<Document>& dev,
                  Gazetteer gazetteer, std::string aliases_yaml, const TrainingOptions& options,
                  WordClusters clusters) {
  Model model;
  model.clusters = std::move(clusters);
  model.gazetteer = std::move(gazetteer);
  model.aliases_yaml = std::move(aliases_yaml);
  model.lexicon = Lexicon::build(train, options.lexicon_min_count);
  FeatureExtractor extractor(model.gazetteer, model.lexicon, &model.clusters);

  std::vector<DocumentAnalysis> train_analyses, dev_analyses;
  for (const Document& d : train) train_analyses.push_back(extractor.analyse(d));
  for (const Document& d : dev) dev_analyses.push_back(extractor.analyse(d));

  // First pass.
  RawCorpus train1 = extract(train, train_analyses, extractor, nullptr);
  RawCorpus dev1 = extract(dev, dev_analyses, extractor, nullptr);
  FeatureIndex index1 = FeatureIndex::build(train1, options.min_feature_count);
  index1.encode(train1);
  index1.encode(dev1);
  say(options, "first pass: " + std::to_string(index1.id_of.size()) + " features, " +
                   std::to_string(train1.sentences.size()) + " sentences");
  std::vector<std::size_t> all(train1.sentences.size());
  for (std::size_t s = 0; s < all.size(); ++s) all[s] = s;
  const std::vector<EncodedSentence>* dev1_sentences = dev.empty() ? nullptr : &dev1.sentences;
  Weights first = train_perceptron(train1.sentences, all, index1.id_of.size(), dev1_sentences,
                                   options, "pass 1");
  model.first_pass = to_table(first, index1);

  // First-pass predictions on train from models that did not see the document.
  auto train_predictions = empty_predictions(train);
  for (int fold = 0; fold < options.folds; ++fold) {
    std::vector<std::size_t> in_fold, out_of_fold;
    for (std::size_t s = 0; s < train1.sentences.size(); ++s) {
      (static_cast<int>(train1.document_of[s] % options.folds) == fold ? in_fold : out_of_fold)
          .push_back(s);
    }
    auto started = std::chrono::steady_clock::now();
    Weights w = train_perceptron(train1.sentences, out_of_fold, index1.id_of.size(), nullptr,
                                 options, "fold");
    std::vector<std::size_t> sentence_in_doc(train1.sentences.size());
    for (std::size_t s : in_fold) {
      std::size_t d = train1.document_of[s];
      std::size_t first_of_doc = s;
      while (first_of_doc > 0 && train1.document_of[first_of_doc - 1] == d) --first_of_doc;
      train_predictions[d][s - first_of_doc] =
          AveragedPerceptron::decode(train1.sentences[s], w.rows, w.transitions);
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char line[96];
    std::snprintf(line, sizeof line, "jackknife fold %d/%d: %.1f s", fold + 1, options.folds,
                  seconds);
    say(options, line);
  }
  auto dev_predictions = empty_predictions(dev);
  {
    std::size_t s = 0;
    for (std::size_t d = 0; d < dev.size(); ++d) {
      for (std::size_t k = 0; k < dev[d].sentences.size(); ++k, ++s) {
        dev_predictions[d][k] =
            AveragedPerceptron::decode(dev1.sentences[s], first.rows, first.transitions);
      }
    }
  }

  // Second pass: the same features plus the document evidence from the first pass.
  auto second_pass_corpus = [&](const std::vector<Document>& docs,
                                const std::vector<DocumentAnalysis>& analyses,
                                const std::vector<std::vector<std::vector<int>>>& predictions) {
    std::vector<std::unique_ptr<DocumentEvidence>> evidence;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      evidence.push_back(std::make_unique<DocumentEvidence>(analyses[d], predictions[d]));
    }
    return extract(docs, analyses, extractor,
                   [&](std::size_t d, std::size_t s, std::size_t i, FeatureIds& ids) {
                     evidence[d]->features(s, i, ids);
                   });
  };
  RawCorpus train2 = second_pass_corpus(train, train_analyses, train_predictions);
  RawCorpus dev2 = second_pass_corpus(dev, dev_analyses, dev_predictions);
  FeatureIndex index2 = FeatureIndex::build(train2, options.min_feature_count);
  index2.encode(train2);
  index2.encode(dev2);
  say(options, "second pass: " + std::to_string(index2.id_of.size()) + " features");
  const std::vector<EncodedSentence>* dev2_sentences = dev.empty() ? nullptr : &dev2.sentences;
  Weights second = train_perceptron(train2.sentences, all, index2.id_of.size(), dev2_sentences,
                                    options, "pass 2");
  model.second_pass = to_table(second, index2);
  return model;
}

}  // namespace newsdex::ner
