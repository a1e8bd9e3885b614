// newsdex-ner-bench: model load time and tagging throughput on one core (figures only; the
// numbers are printed by scripts/bench-ner, nothing is asserted).
//
// With a folder of articles as third argument it also runs extract() over every *.txt in it,
// as the indexer does, and prints a digest of the entities found: two builds that print the
// same digest found the same entities, at the same offsets, under the same names.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ner/conll_reader.h"
#include "core/ner/entity_tagger.h"

using namespace newsdex::ner;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of this thread: on a machine shared with builds, wall time measures the others
// too; CPU time measures what one core does for us.
static double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// FNV-1a over every entity's type, offsets and canonical name, in order.
class EntityDigest {
 public:
  void add(const Entity& e) {
    add_word(static_cast<uint64_t>(e.type));
    add_word(e.start);
    add_word(e.end);
    for (char c : e.canonical) add_byte(static_cast<unsigned char>(c));
    add_byte(0);
  }
  uint64_t value() const { return h_; }

 private:
  void add_byte(unsigned char b) { h_ = (h_ ^ b) * 0x100000001b3ULL; }
  void add_word(uint64_t v) {
    for (int k = 0; k < 8; ++k) add_byte(static_cast<unsigned char>(v >> (8 * k)));
  }
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// Every *.txt under `folder`, sorted by path so that the digest does not depend on the
// order the file system lists them in.
static std::vector<std::string> read_articles(const std::string& folder, std::size_t& bytes) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> articles;
  bytes = 0;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    articles.push_back(text.str());
    bytes += articles.back().size();
  }
  return articles;
}

static void bench_articles(const EntityTagger& tagger, const std::string& folder) {
  std::size_t bytes = 0;
  std::vector<std::string> articles = read_articles(folder, bytes);
  if (articles.empty()) throw std::runtime_error(folder + ": no *.txt articles");
  EntityDigest digest;
  long entities = 0;
  for (const std::string& a : articles) {
    for (const Entity& e : tagger.extract(a)) {
      digest.add(e);
      ++entities;
    }
  }
  int rounds = 0;
  auto t = Clock::now();
  double cpu = thread_cpu_seconds();
  do {
    for (const std::string& a : articles) tagger.extract(a);
    ++rounds;
  } while (seconds_since(t) < 3.0);
  double cpu_elapsed = thread_cpu_seconds() - cpu;
  double per_article = cpu_elapsed / (static_cast<double>(articles.size()) * rounds);
  std::printf(
      "extract on %zu articles of %s: %.3f ms CPU an article, %.0f articles/s per core, "
      "%.2f MB/s (%d rounds); %ld entities, digest %016llx\n",
      articles.size(), folder.c_str(), per_article * 1000.0, 1.0 / per_article,
      static_cast<double>(bytes) * rounds / cpu_elapsed / 1e6, rounds, entities,
      static_cast<unsigned long long>(digest.value()));
}

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: newsdex-ner-bench MODEL CONLL_FILE [ARTICLES_FOLDER]\n");
    return 2;
  }
  try {
    // The first load in a process also pays for ICU's data and fresh memory pages.
    std::vector<double> loads, cpu_loads;
    std::unique_ptr<EntityTagger> tagger;
    for (int k = 0; k < 9; ++k) {
      auto t = Clock::now();
      double cpu = thread_cpu_seconds();
      tagger = EntityTagger::load(argv[1]);
      cpu_loads.push_back((thread_cpu_seconds() - cpu) * 1000.0);
      loads.push_back(seconds_since(t) * 1000.0);
    }
    std::printf("model load: first %.1f ms wall (%.1f ms CPU); then median %.1f ms CPU\n",
                loads.front(), cpu_loads.front(), [&] {
                  std::vector<double> warm(cpu_loads.begin() + 1, cpu_loads.end());
                  std::sort(warm.begin(), warm.end());
                  return warm[warm.size() / 2];
                }());

    std::ifstream in(argv[2]);
    if (!in) throw std::runtime_error(std::string(argv[2]) + ": cannot open");
    ConllFile conll = read_conll(in, false);
    // Each CoNLL document as plain text: what the indexer hands to extract().
    std::vector<std::string> articles;
    long tokens = 0;
    for (const Document& d : conll.documents) {
      std::string text;
      for (const Sentence& s : d.sentences) {
        for (const std::string& w : s.words) text += w + ' ';
        text += '\n';
        tokens += static_cast<long>(s.words.size());
      }
      articles.push_back(std::move(text));
    }
    long entities = 0;
    int rounds = 0;
    auto t = Clock::now();
    double cpu = thread_cpu_seconds();
    do {
      for (const std::string& a : articles)
        entities += static_cast<long>(tagger->extract(a).size());
      ++rounds;
    } while (seconds_since(t) < 3.0);
    double elapsed = seconds_since(t);
    double cpu_elapsed = thread_cpu_seconds() - cpu;
    std::printf(
        "extract (tokenize + 2 passes + canonical names): %.0f tokens/s per core "
        "(CPU time; %.0f tokens/s wall; %ld tokens x %d rounds, %ld entities/round)\n",
        static_cast<double>(tokens) * rounds / cpu_elapsed,
        static_cast<double>(tokens) * rounds / elapsed, tokens, rounds, entities / rounds);
    rounds = 0;
    t = Clock::now();
    cpu = thread_cpu_seconds();
    do {
      for (const Document& d : conll.documents) tagger->tag(d);
      ++rounds;
    } while (seconds_since(t) < 3.0);
    elapsed = seconds_since(t);
    cpu_elapsed = thread_cpu_seconds() - cpu;
    std::printf("tag (pre-tokenized CoNLL, 2 passes): %.0f tokens/s per core (%.0f wall)\n",
                static_cast<double>(tokens) * rounds / cpu_elapsed,
                static_cast<double>(tokens) * rounds / elapsed);
    if (argc == 4) bench_articles(*tagger, argv[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsdex-ner-bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
