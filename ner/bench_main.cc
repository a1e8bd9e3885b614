// newsdex-ner-bench: model load time and tagging throughput on one core (figures only; the
// numbers are printed by scripts/bench-ner, nothing is asserted).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>
#include <vector>

#include "conll_reader.h"
#include "entity_tagger.h"

using namespace newsdex::ner;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: newsdex-ner-bench MODEL CONLL_FILE\n");
    return 2;
  }
  try {
    std::vector<double> loads;
    std::unique_ptr<EntityTagger> tagger;
    for (int k = 0; k < 7; ++k) {
      auto t = Clock::now();
      tagger = EntityTagger::load(argv[1]);
      loads.push_back(seconds_since(t) * 1000.0);
    }
    std::sort(loads.begin(), loads.end());
    std::printf("model load: %.1f ms (median of %zu, min %.1f ms)\n", loads[loads.size() / 2],
                loads.size(), loads.front());

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
    do {
      for (const std::string& a : articles)
        entities += static_cast<long>(tagger->extract(a).size());
      ++rounds;
    } while (seconds_since(t) < 3.0);
    double elapsed = seconds_since(t);
    std::printf(
        "extract (tokenize + 2 passes + canonical names): %.0f tokens/s "
        "(%ld tokens x %d rounds in %.2f s, %ld entities/round)\n",
        static_cast<double>(tokens) * rounds / elapsed, tokens, rounds, elapsed, entities / rounds);
    rounds = 0;
    t = Clock::now();
    do {
      for (const Document& d : conll.documents) tagger->tag(d);
      ++rounds;
    } while (seconds_since(t) < 3.0);
    elapsed = seconds_since(t);
    std::printf("tag (pre-tokenized CoNLL, 2 passes): %.0f tokens/s\n",
                static_cast<double>(tokens) * rounds / elapsed);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsdex-ner-bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
