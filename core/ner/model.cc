#include "core/ner/model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace newsdex::ner {
namespace {

constexpr char kMagic[8] = {'N', 'D', 'X', 'N', 'E', 'R', '0', '2'};
// Before word clusters: the same layout without their section.
constexpr char kMagicWithoutClusters[8] = {'N', 'D', 'X', 'N', 'E', 'R', '0', '1'};

class Writer {
 public:
  template <typename T>
  void put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void put_string(const std::string& s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(const std::string& bytes, std::size_t pos) : bytes_(bytes), pos_(pos) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string get_string() {
    auto size = get<uint32_t>();
    need(size);
    std::string s = bytes_.substr(pos_, size);
    pos_ += size;
    return s;
  }
  void need(std::size_t n) const {
    if (bytes_.size() - pos_ < n) throw std::runtime_error("truncated or corrupt model file");
  }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  const std::string& bytes_;
  std::size_t pos_;
};

void write_table(Writer& w, const WeightTable& table) {
  // Sorted by id so that the bytes do not depend on the order rows were added in.
  std::vector<std::pair<uint32_t, std::size_t>> order;
  for (std::size_t r = 0; r < table.size(); ++r) order.emplace_back(table.id_at(r), r);
  std::sort(order.begin(), order.end());
  w.put<float>(table.scale());
  for (float t : table.transition_array()) w.put<float>(t);
  w.put<uint32_t>(static_cast<uint32_t>(order.size()));
  uint32_t previous = 0;
  for (const auto& [id, r] : order) {
    w.put<uint32_t>(id - previous);  // deltas of sorted ids: smaller and compress better
    previous = id;
    const int16_t* q = table.quantised_row(r);
    uint16_t mask = 0;
    for (int t = 0; t < kNumTags; ++t) {
      if (q[t] != 0) mask = static_cast<uint16_t>(mask | (1u << t));
    }
    w.put<uint16_t>(mask);
    for (int t = 0; t < kNumTags; ++t) {
      if (q[t] != 0) w.put<int16_t>(q[t]);
    }
  }
}

WeightTable read_table(Reader& r) {
  auto scale = r.get<float>();
  std::array<float, kTransitionSize> transitions;
  for (float& t : transitions) t = r.get<float>();
  auto count = r.get<uint32_t>();
  r.need(static_cast<std::size_t>(count) * 6);
  std::vector<uint32_t> ids(count);
  std::vector<int16_t> weights(static_cast<std::size_t>(count) * kNumTags, 0);
  uint32_t id = 0;
  for (uint32_t k = 0; k < count; ++k) {
    id += r.get<uint32_t>();
    ids[k] = id;
    auto mask = r.get<uint16_t>();
    if (mask >= (1u << kNumTags)) throw std::runtime_error("corrupt weight row");
    int16_t* row = &weights[static_cast<std::size_t>(k) * kNumTags];
    for (int t = 0; t < kNumTags; ++t) {
      if (mask & (1u << t)) row[t] = r.get<int16_t>();
    }
  }
  return WeightTable(std::move(ids), std::move(weights), scale, transitions);
}

}  // namespace

std::string serialise_model(const Model& model) {
  Writer w;
  w.bytes().append(kMagic, sizeof(kMagic));
  std::vector<std::pair<std::string, const Lexicon::Entry*>> lexicon;
  for (const auto& [key, entry] : model.lexicon.entries()) lexicon.emplace_back(key, &entry);
  std::sort(lexicon.begin(), lexicon.end());
  w.put<uint32_t>(static_cast<uint32_t>(lexicon.size()));
  for (const auto& [key, entry] : lexicon) {
    w.put_string(key);
    w.put<uint8_t>(static_cast<uint8_t>(entry->casing));
    // Most usual forms are the key itself or its capitalisation: store a flag, not the text.
    std::string capitalised = key;
    if (!capitalised.empty()) capitalised[0] = static_cast<char>(std::toupper(capitalised[0]));
    uint8_t form_kind = entry->usual_form == key ? 0 : entry->usual_form == capitalised ? 1 : 2;
    w.put<uint8_t>(form_kind);
    if (form_kind == 2) w.put_string(entry->usual_form);
  }
  auto phrases = model.gazetteer.phrases();
  w.put<uint32_t>(static_cast<uint32_t>(phrases.size()));
  for (const auto& [key, mask] : phrases) {
    w.put_string(key);
    w.put<uint8_t>(mask);
  }
  w.put_string(model.aliases_yaml);
  // Sorted by word; a path as its length and its bits (first bit lowest), not as text.
  std::vector<std::pair<std::string, ClusterPath>> clusters;
  for (const auto& [word, path] : model.clusters.entries()) clusters.emplace_back(word, path);
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w.put<uint32_t>(static_cast<uint32_t>(clusters.size()));
  for (const auto& [word, path] : clusters) {
    w.put_string(word);
    w.put<uint8_t>(path.length);
    w.put<uint32_t>(path.bits);
  }
  write_table(w, model.first_pass);
  write_table(w, model.second_pass);
  return std::move(w.bytes());
}

Model parse_model(const std::string& bytes) {
  bool with_clusters =
      bytes.size() >= sizeof(kMagic) && std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) == 0;
  if (!with_clusters && (bytes.size() < sizeof(kMagic) ||
                         std::memcmp(bytes.data(), kMagicWithoutClusters, sizeof(kMagic)) != 0)) {
    throw std::runtime_error("not a newsdex-ner model (bad magic)");
  }
  Reader r(bytes, sizeof(kMagic));
  Model model;
  auto lexicon_size = r.get<uint32_t>();
  for (uint32_t k = 0; k < lexicon_size; ++k) {
    std::string key = r.get_string();
    Lexicon::Entry entry;
    auto casing = r.get<uint8_t>();
    if (casing > static_cast<uint8_t>(Lexicon::Casing::AllCaps)) {
      throw std::runtime_error("corrupt lexicon entry");
    }
    entry.casing = static_cast<Lexicon::Casing>(casing);
    auto form_kind = r.get<uint8_t>();
    if (form_kind == 0) {
      entry.usual_form = key;
    } else if (form_kind == 1) {
      entry.usual_form = key;
      if (!key.empty()) entry.usual_form[0] = static_cast<char>(std::toupper(key[0]));
    } else if (form_kind == 2) {
      entry.usual_form = r.get_string();
    } else {
      throw std::runtime_error("corrupt lexicon entry");
    }
    model.lexicon.insert(std::move(key), std::move(entry));
  }
  auto phrase_count = r.get<uint32_t>();
  for (uint32_t k = 0; k < phrase_count; ++k) {
    std::string key = r.get_string();
    model.gazetteer.add_key(key, r.get<uint8_t>());
  }
  model.aliases_yaml = r.get_string();
  if (with_clusters) {
    auto cluster_count = r.get<uint32_t>();
    r.need(static_cast<std::size_t>(cluster_count) * 9);  // before reserving for them
    model.clusters.reserve(cluster_count);
    for (uint32_t k = 0; k < cluster_count; ++k) {
      std::string word = r.get_string();
      ClusterPath path;
      path.length = r.get<uint8_t>();
      path.bits = r.get<uint32_t>();
      if (path.length > WordClusters::kMaxDepth) throw std::runtime_error("corrupt word cluster");
      model.clusters.add(word, path);
    }
  }
  model.first_pass = read_table(r);
  model.second_pass = read_table(r);
  if (!r.at_end()) throw std::runtime_error("trailing bytes after the model");
  return model;
}

void save_model(const Model& model, const std::string& path) {
  std::string bytes = serialise_model(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error(path + ": write failed");
}

Model load_model(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error(path + ": cannot open model file");
  std::streamoff size = in.tellg();
  if (size < 0) throw std::runtime_error(path + ": cannot read model file");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    throw std::runtime_error(path + ": cannot read model file");
  }
  try {
    return parse_model(bytes);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

}  // namespace newsdex::ner
