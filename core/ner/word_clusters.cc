#include "core/ner/word_clusters.h"

#include <stdexcept>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {

void WordClusters::add(std::string_view key, std::string_view path) {
  if (path.size() > kMaxDepth) throw std::runtime_error("cluster path longer than 32 bits");
  for (char c : path) {
    if (c != '0' && c != '1') throw std::runtime_error("cluster path of other than 0 and 1");
  }
  bool added = false;
  std::string& slot = paths_.try_emplace(key, &added);
  if (added) slot = std::string(path);
}

std::string cluster_key(std::string_view word) {
  std::string key = ascii_fold(word);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return key;
}

}  // namespace newsdex::ner
