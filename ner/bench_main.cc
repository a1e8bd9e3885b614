// newsdex-ner-bench: model load time and tagging throughput on one core (figures only; the
// numbers are printed by scripts/bench-ner, nothing is asserted).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
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

// CPU time of this thread: on a machine shared with builds, wall time measures the others
// too; CPU time measures what one core does for us.
static double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: newsdex-ner-bench MODEL CONLL_FILE\n");
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
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsdex-ner-bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
