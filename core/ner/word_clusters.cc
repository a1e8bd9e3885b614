#include "core/ner/word_clusters.h"

#include <stdexcept>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {

void WordClusters::add(std::string_view key, std::string_view path) {
  if (path.size() > kMaxDepth) throw std::runtime_error("cluster path longer than 32 bits");
  for (char c : path) {
    if (c != '0' && c != '1') throw std::runtime_error("cluster path of other than 0 and 1");
  }
  ClusterPath bits;
  bits.length = static_cast<uint8_t>(path.size());
  for (std::size_t b = 0; b < path.size(); ++b) {
    if (path[b] == '1') bits.bits |= 1u << b;
  }
  add(key, bits);
}

void WordClusters::add(std::string_view key, ClusterPath path) {
  if (path.length > kMaxDepth) throw std::runtime_error("cluster path longer than 32 bits");
  bool added = false;
  ClusterPath& slot = paths_.try_emplace(key, &added);
  if (added) slot = path;
}

std::string ClusterPath::text() const {
  std::string out(length, '0');
  for (std::size_t b = 0; b < length; ++b) {
    if (bits & (1u << b)) out[b] = '1';
  }
  return out;
}

std::string cluster_key(std::string_view word) {
  std::string key = ascii_fold(word);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return key;
}

}  // namespace newsdex::ner
