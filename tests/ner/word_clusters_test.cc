// Word clusters: the builder on a tiny text, the cluster file, paths as bits, the features
// they give and their place in the model file.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/ner/cluster_builder.h"
#include "core/ner/feature_extractor.h"
#include "core/ner/model.h"
#include "core/ner/word_clusters.h"

using namespace newsdex::ner;

namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Names after "said" and "met", towns after "in" and "to": two kinds of context.
ClusterBuilder tiny_builder() {
  ClusterBuilder builder;
  const char* people[] = {"Smith", "Jones", "Brown", "Taylor"};
  const char* towns[] = {"Leeds", "York", "Bath", "Derby"};
  for (int round = 0; round < 3; ++round) {
    for (const char* p : people) {
      builder.add_sentence(words(std::string("yesterday ") + p + " said it ."));
      builder.add_sentence(words(std::string("we met ") + p + " again ."));
    }
    for (const char* t : towns) {
      builder.add_sentence(words(std::string("they went to ") + t + " by train ."));
      builder.add_sentence(words(std::string("a house in ") + t + " was sold ."));
    }
  }
  return builder;
}

std::map<std::string, std::string> path_of(const std::vector<ClusteredWord>& clustered) {
  std::map<std::string, std::string> out;
  for (const ClusteredWord& w : clustered) out[w.word] = w.path;
  return out;
}

std::size_t common_prefix(const std::string& a, const std::string& b) {
  std::size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  return k;
}

}  // namespace

TEST_CASE("words of the same contexts share longer path prefixes than words of others") {
  ClusterOptions options;
  options.min_count = 3;
  options.context_words = 20;
  std::vector<ClusteredWord> clustered = tiny_builder().build(options);
  auto paths = path_of(clustered);
  REQUIRE(paths.count("Smith") == 1);
  REQUIRE(paths.count("Leeds") == 1);
  CHECK(paths.count("zzz") == 0);
  std::size_t people = common_prefix(paths["Smith"], paths["Jones"]);
  std::size_t towns = common_prefix(paths["Leeds"], paths["York"]);
  std::size_t across = common_prefix(paths["Smith"], paths["Leeds"]);
  CHECK(people > across);
  CHECK(towns > across);
  for (const ClusteredWord& w : clustered) {
    CHECK(w.path.size() <= static_cast<std::size_t>(options.depth));
    CHECK(w.count >= 3u);
  }
  // Sorted by path, and every word once.
  CHECK(std::is_sorted(
      clustered.begin(), clustered.end(),
      [](const ClusteredWord& a, const ClusteredWord& b) { return a.path < b.path; }));
  CHECK(paths.size() == clustered.size());
}

TEST_CASE("clustering is deterministic and min_count leaves rare words out") {
  ClusterOptions options;
  options.context_words = 20;
  std::ostringstream a, b;
  write_clusters(a, tiny_builder().build(options));
  write_clusters(b, tiny_builder().build(options));
  CHECK(a.str() == b.str());
  options.min_count = 7;  // a name is seen 6 times, "said" 12
  auto paths = path_of(tiny_builder().build(options));
  CHECK(paths.count("Smith") == 0);
  CHECK(paths.count("said") == 1);
  CHECK(ClusterBuilder().build(options).empty());
}

TEST_CASE("cluster keys fold diacritics and digits, keep case") {
  CHECK(cluster_key("Müller") == "Muller");
  CHECK(cluster_key("1996-08-22") == "0000-00-00");
  CHECK(cluster_key("Apple") != cluster_key("apple"));
}

TEST_CASE("the cluster file reads back, and a malformed line is an error with its number") {
  std::istringstream in("0110\tLeeds\t12\n0111\tYork\t9\n\n1\tsaid\t40\n");
  WordClusters clusters = read_clusters(in);
  CHECK(clusters.size() == 3);
  REQUIRE(clusters.find("York") != nullptr);
  CHECK(clusters.find("York")->text() == "0111");
  CHECK(clusters.find("york") == nullptr);

  std::istringstream no_tab("0110 Leeds 12\n");
  CHECK_THROWS_WITH_AS(read_clusters(no_tab), "line 1: expected PATH<TAB>WORD<TAB>COUNT",
                       std::runtime_error);
  std::istringstream bad_path("01x0\tLeeds\t12\n");
  CHECK_THROWS_WITH_AS(read_clusters(bad_path), "line 1: cluster path of other than 0 and 1",
                       std::runtime_error);
  std::istringstream long_path(std::string(33, '1') + "\tLeeds\t1\n");
  CHECK_THROWS_AS(read_clusters(long_path), std::runtime_error);
}

TEST_CASE("path prefixes as bits") {
  WordClusters clusters;
  clusters.add("Leeds", "0110");
  clusters.add("Leeds", "1111");  // the first path wins
  const ClusterPath* path = clusters.find("Leeds");
  REQUIRE(path != nullptr);
  CHECK(path->length == 4);
  CHECK(path->text() == "0110");
  CHECK(path->prefix(2) == 0b10u);  // steps 0, 1 as bits 0, 1
  CHECK(path->prefix(20) == path->bits);
  ClusterPath full{0xffffffffu, 32};
  CHECK(full.prefix(32) == 0xffffffffu);
}

TEST_CASE("a clustered word gets path-prefix features; words of one path prefix share them") {
  Gazetteer gazetteer;
  Lexicon lexicon;
  WordClusters clusters;
  clusters.add("Leeds", "01101");
  clusters.add("Derby", "01100");
  clusters.add("Smith", "1000");
  FeatureExtractor plain(gazetteer, lexicon);
  FeatureExtractor with_clusters(gazetteer, lexicon, &clusters);
  FeatureIds a, b, c, none;
  plain.word_features("Leeds", none);
  with_clusters.word_features("Leeds", a);
  with_clusters.word_features("Derby", b);
  with_clusters.word_features("Smith", c);
  REQUIRE(a.size() == none.size() + 4);  // prefixes 4, 6, 10, 20
  FeatureIds a_clusters(a.end() - 4, a.end()), b_clusters(b.end() - 4, b.end()),
      c_clusters(c.end() - 4, c.end());
  CHECK(a_clusters[0] == b_clusters[0]);  // "0110"
  CHECK(a_clusters[1] != b_clusters[1]);  // "01101" vs "01100"
  CHECK(a_clusters[0] != c_clusters[0]);
  FeatureIds unknown;
  with_clusters.word_features("Nowhere", unknown);
  CHECK(unknown.size() == none.size());
}

TEST_CASE("the model file keeps the clusters; a model of the format before them still loads") {
  Model model;
  model.clusters.add("Leeds", "01101");
  model.clusters.add("Smith", "1000");
  std::string bytes = serialise_model(model);
  CHECK(bytes.substr(0, 8) == "NDXNER02");
  Model loaded = parse_model(bytes);
  REQUIRE(loaded.clusters.size() == 2);
  CHECK(loaded.clusters.find("Leeds")->text() == "01101");
  CHECK(serialise_model(loaded) == bytes);

  // NDXNER01: the same layout without the cluster section (here: an empty one, 4 bytes).
  Model empty;
  std::string v2 = serialise_model(empty);
  std::size_t clusters_at = v2.size();
  {
    // lexicon count, gazetteer count, aliases string, then the cluster count.
    clusters_at = 8 + 4 + 4 + 4;
  }
  std::string v1 = "NDXNER01" + v2.substr(8, clusters_at - 8) + v2.substr(clusters_at + 4);
  Model old = parse_model(v1);
  CHECK(old.clusters.empty());
  CHECK_THROWS_AS(parse_model("NDXNER09" + v2.substr(8)), std::runtime_error);
}

TEST_CASE("a reserved cluster table finds every word, as one grown word by word") {
  WordClusters grown, reserved;
  reserved.reserve(1000);
  for (int k = 0; k < 1000; ++k) {
    std::string word = "w" + std::to_string(k);
    std::string path = (k % 2 ? "1" : "0") + std::string(k % 7, '1');
    grown.add(word, path);
    reserved.add(word, path);
  }
  REQUIRE(reserved.size() == 1000);
  for (int k = 0; k < 1000; k += 37) {
    std::string word = "w" + std::to_string(k);
    REQUIRE(reserved.find(word) != nullptr);
    CHECK(reserved.find(word)->text() == grown.find(word)->text());
  }
  CHECK(reserved.find("w1000") == nullptr);
}
