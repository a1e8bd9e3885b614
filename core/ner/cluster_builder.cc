#include "core/ner/cluster_builder.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <numeric>
#include <ostream>
#include <stdexcept>

namespace newsdex::ner {
namespace {

constexpr int kOffsets[] = {-2, -1, 1, 2};
constexpr int kNumOffsets = 4;

// Sparse, L2-normalised context vectors of the vocabulary, in compressed rows.
struct ContextVectors {
  std::vector<std::size_t> starts;  // row v: [starts[v], starts[v + 1])
  std::vector<uint32_t> columns;
  std::vector<float> values;

  float dot(uint32_t v, const std::vector<float>& dense) const {
    float sum = 0.0f;
    for (std::size_t k = starts[v]; k < starts[v + 1]; ++k) sum += values[k] * dense[columns[k]];
    return sum;
  }
};

// A dense vector whose non-zero columns are remembered, so that clearing and normalising
// it costs what was added, not its width: deep in the hierarchy nodes are small.
struct Centroid {
  std::vector<float> values;
  std::vector<uint32_t> touched;

  explicit Centroid(std::size_t width) : values(width, 0.0f) {}
  void clear() {
    for (uint32_t c : touched) values[c] = 0.0f;
    touched.clear();
  }
  void add(const ContextVectors& vectors, uint32_t v) {
    for (std::size_t k = vectors.starts[v]; k < vectors.starts[v + 1]; ++k) {
      uint32_t c = vectors.columns[k];
      if (values[c] == 0.0f) touched.push_back(c);
      values[c] += vectors.values[k];
    }
  }
  void normalise() {
    double norm = 0.0;
    for (uint32_t c : touched) norm += static_cast<double>(values[c]) * values[c];
    if (norm <= 0.0) return;
    auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (uint32_t c : touched) values[c] *= scale;
  }
};

struct Node {
  std::vector<uint32_t> members;  // vocabulary indices, most frequent first
  std::string path;
};

}  // namespace

void ClusterBuilder::add_sentence(const std::vector<std::string>& words) {
  if (words.empty()) return;
  for (const std::string& word : words) {
    std::string key = cluster_key(word);
    bool added = false;
    uint32_t& id = ids_.try_emplace(key, &added);
    if (added) {
      names_.push_back(key);
      counts_.push_back(0);
      id = static_cast<uint32_t>(names_.size());
    }
    ++counts_[id - 1];
    stream_.push_back(id);
  }
  stream_.push_back(0);
  tokens_ += words.size();
}

std::vector<ClusteredWord> ClusterBuilder::build(const ClusterOptions& options) const {
  // The vocabulary, most frequent first (ties by spelling, so the order is the same on
  // every run).
  std::vector<uint32_t> by_rank(names_.size());
  std::iota(by_rank.begin(), by_rank.end(), 0u);
  std::sort(by_rank.begin(), by_rank.end(), [&](uint32_t a, uint32_t b) {
    if (counts_[a] != counts_[b]) return counts_[a] > counts_[b];
    return names_[a] < names_[b];
  });
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> vocabulary_index(names_.size(), kNone);
  std::vector<uint32_t> vocabulary;
  for (uint32_t t : by_rank) {
    if (counts_[t] < static_cast<uint64_t>(options.min_count)) break;
    if (vocabulary.size() >= options.max_words) break;
    vocabulary_index[t] = static_cast<uint32_t>(vocabulary.size());
    vocabulary.push_back(t);
  }
  if (vocabulary.empty()) return {};

  // Context columns: offset-major, each offset the context words, "other", the boundary.
  const uint32_t context = static_cast<uint32_t>(std::min(options.context_words, by_rank.size()));
  const uint32_t per_offset = context + 2;
  const std::size_t width = static_cast<std::size_t>(per_offset) * kNumOffsets;
  std::vector<uint32_t> context_of(names_.size() + 1, context);  // by 1 + type; "other"
  for (uint32_t r = 0; r < context; ++r) context_of[by_rank[r] + 1] = r;
  context_of[0] = context + 1;  // the sentence boundary

  // (word, column) pairs of every occurrence, sorted and counted.
  std::vector<uint64_t> pairs;
  for (std::size_t p = 0; p < stream_.size(); ++p) {
    if (stream_[p] == 0) continue;
    uint32_t v = vocabulary_index[stream_[p] - 1];
    if (v == kNone) continue;
    for (int o = 0; o < kNumOffsets; ++o) {
      auto q = static_cast<std::ptrdiff_t>(p) + kOffsets[o];
      uint32_t neighbour = 0;
      if (q >= 0 && q < static_cast<std::ptrdiff_t>(stream_.size())) {
        neighbour = stream_[static_cast<std::size_t>(q)];
      }
      // Past a boundary is still the boundary: offset 2 of a sentence's last word too.
      if (kOffsets[o] == 2 && stream_[p + 1] == 0) neighbour = 0;
      if (kOffsets[o] == -2 && (p == 0 || stream_[p - 1] == 0)) neighbour = 0;
      uint32_t column = static_cast<uint32_t>(o) * per_offset + context_of[neighbour];
      pairs.push_back(static_cast<uint64_t>(v) << 32 | column);
    }
  }
  std::sort(pairs.begin(), pairs.end());

  // Positive PMI, the context distribution smoothed (counts^0.75, Levy et al. 2015).
  std::vector<double> word_total(vocabulary.size(), 0.0), column_total(width, 0.0);
  for (uint64_t pair : pairs) {
    word_total[pair >> 32] += 1.0;
    column_total[pair & 0xffffffffu] += 1.0;
  }
  double smoothed_total = 0.0;
  for (double& c : column_total) {
    c = std::pow(c, 0.75);
    smoothed_total += c;
  }
  ContextVectors vectors;
  vectors.starts.assign(vocabulary.size() + 1, 0);
  for (std::size_t k = 0; k < pairs.size();) {
    std::size_t end = k;
    while (end < pairs.size() && pairs[end] == pairs[k]) ++end;
    auto v = static_cast<uint32_t>(pairs[k] >> 32);
    auto column = static_cast<uint32_t>(pairs[k] & 0xffffffffu);
    double joint = static_cast<double>(end - k) / word_total[v];
    double pmi = std::log(joint / (column_total[column] / smoothed_total));
    if (pmi > 0.0) {
      vectors.columns.push_back(column);
      vectors.values.push_back(static_cast<float>(pmi));
      vectors.starts[v + 1] = vectors.values.size();
    }
    k = end;
  }
  for (std::size_t v = 1; v <= vocabulary.size(); ++v) {
    vectors.starts[v] = std::max(vectors.starts[v], vectors.starts[v - 1]);
  }
  for (std::size_t v = 0; v < vocabulary.size(); ++v) {
    double norm = 0.0;
    for (std::size_t k = vectors.starts[v]; k < vectors.starts[v + 1]; ++k) {
      norm += static_cast<double>(vectors.values[k]) * vectors.values[k];
    }
    if (norm <= 0.0) continue;
    auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (std::size_t k = vectors.starts[v]; k < vectors.starts[v + 1]; ++k) {
      vectors.values[k] *= scale;
    }
  }

  // Top-down bisection, depth first; every word ends in exactly one leaf.
  std::vector<std::string> paths(vocabulary.size());
  Centroid left(width), right(width);
  std::vector<Node> stack;
  stack.push_back(Node{std::vector<uint32_t>(vocabulary.size()), ""});
  std::iota(stack.back().members.begin(), stack.back().members.end(), 0u);
  std::vector<uint8_t> side;
  while (!stack.empty()) {
    Node node = std::move(stack.back());
    stack.pop_back();
    const std::vector<uint32_t>& members = node.members;
    auto leaf = [&] {
      for (uint32_t v : members) paths[v] = node.path;
    };
    if (members.size() < 2 || static_cast<int>(node.path.size()) >= options.depth) {
      leaf();
      continue;
    }
    // Seeds: the most frequent word, and the member least like it.
    left.clear();
    left.add(vectors, members[0]);
    uint32_t farthest = members[1];
    float lowest = vectors.dot(farthest, left.values);
    for (std::size_t m = 2; m < members.size(); ++m) {
      float d = vectors.dot(members[m], left.values);
      if (d < lowest) {
        lowest = d;
        farthest = members[m];
      }
    }
    right.clear();
    right.add(vectors, farthest);
    side.assign(members.size(), 2);  // 2: not assigned yet
    for (int round = 0; round < options.iterations; ++round) {
      bool changed = false;
      for (std::size_t m = 0; m < members.size(); ++m) {
        uint8_t s = vectors.dot(members[m], right.values) > vectors.dot(members[m], left.values);
        if (s != side[m]) {
          side[m] = s;
          changed = true;
        }
      }
      if (!changed) break;
      left.clear();
      right.clear();
      for (std::size_t m = 0; m < members.size(); ++m) {
        (side[m] ? right : left).add(vectors, members[m]);
      }
      left.normalise();
      right.normalise();
    }
    Node zero{{}, node.path + '0'}, one{{}, node.path + '1'};
    // The half holding the node's most frequent word is "0".
    uint8_t first_side = side[0];
    for (std::size_t m = 0; m < members.size(); ++m) {
      (side[m] == first_side ? zero : one).members.push_back(members[m]);
    }
    if (one.members.empty()) {  // indistinguishable contexts: nothing left to split
      leaf();
      continue;
    }
    stack.push_back(std::move(one));
    stack.push_back(std::move(zero));
  }

  std::vector<ClusteredWord> out;
  out.reserve(vocabulary.size());
  for (std::size_t v = 0; v < vocabulary.size(); ++v) {
    out.push_back({names_[vocabulary[v]], paths[v], counts_[vocabulary[v]]});
  }
  std::sort(out.begin(), out.end(), [](const ClusteredWord& a, const ClusteredWord& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.count != b.count) return a.count > b.count;
    return a.word < b.word;
  });
  return out;
}

void write_clusters(std::ostream& out, const std::vector<ClusteredWord>& words) {
  std::string text;
  for (const ClusteredWord& w : words) {
    text += w.path;
    text += '\t';
    text += w.word;
    text += '\t';
    text += std::to_string(w.count);
    text += '\n';
  }
  out << text;
}

WordClusters read_clusters(std::istream& in) {
  WordClusters clusters;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    std::size_t tab2 = tab == std::string::npos ? tab : line.find('\t', tab + 1);
    if (tab == std::string::npos || tab2 == tab + 1) {
      throw std::runtime_error("line " + std::to_string(number) +
                               ": expected PATH<TAB>WORD<TAB>COUNT");
    }
    std::string_view view(line);
    std::string_view word =
        view.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    try {
      clusters.add(word, view.substr(0, tab));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("line " + std::to_string(number) + ": " + e.what());
    }
  }
  return clusters;
}

}  // namespace newsdex::ner
