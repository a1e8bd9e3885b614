#include <doctest/doctest.h>

#include "core/ner/tags.h"
#include "core/ner/viterbi.h"

using namespace newsdex::ner;

static std::vector<int> parse(std::initializer_list<const char*> names) {
  std::vector<int> tags;
  for (const char* n : names) tags.push_back(parse_tag(n));
  return tags;
}

TEST_CASE("tag names round trip and bad names are rejected") {
  for (int t = 0; t < kNumTags; ++t) CHECK(parse_tag(tag_name(t)) == t);
  CHECK(parse_tag("B-XYZ") == -1);
  CHECK(parse_tag("I-") == -1);
  CHECK(parse_tag("") == -1);
}

TEST_CASE("IOB2 spans: B starts, I continues, a B of the same type splits") {
  auto spans = spans_from_tags(parse({"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O"}));
  REQUIRE(spans.size() == 3);
  CHECK(spans[0] == TagSpan{0, 0, 2});
  CHECK(spans[1] == TagSpan{1, 3, 4});
  CHECK(spans[2] == TagSpan{1, 4, 6});
}

TEST_CASE("IOB2 spans follow conlleval on ill-formed input") {
  // A stray I- starts a chunk; a type change inside I- tags starts another.
  auto spans = spans_from_tags(parse({"O", "I-ORG", "I-ORG", "I-MISC", "B-PER"}));
  REQUIRE(spans.size() == 3);
  CHECK(spans[0] == TagSpan{2, 1, 3});
  CHECK(spans[1] == TagSpan{3, 3, 4});
  CHECK(spans[2] == TagSpan{0, 4, 5});
  CHECK(spans_from_tags(parse({"B-LOC"})) == std::vector<TagSpan>{{1, 0, 1}});
  CHECK(spans_from_tags({}).empty());
}

TEST_CASE("viterbi never produces O -> I-X even when the emissions prefer it") {
  // Token 1 strongly prefers I-PER but token 0 prefers O: the best legal path differs.
  std::vector<float> emissions(2 * kNumTags, 0.0f);
  emissions[kOutside] = 5.0f;
  emissions[kNumTags + inside_tag(0)] = 10.0f;
  std::vector<float> transitions(kTransitionSize, 0.0f);
  std::vector<int> path = viterbi(emissions.data(), 2, transitions.data());
  REQUIRE(path.size() == 2);
  CHECK(transition_allowed(-1, path[0]));
  CHECK(transition_allowed(path[0], path[1]));
  CHECK(path == std::vector<int>{begin_tag(0), inside_tag(0)});  // 0 + 10 beats 5 + 0
}

// Every legal tag sequence of n tokens, scored the way viterbi() scores them.
static float path_score(const std::vector<int>& path, const std::vector<float>& emissions,
                        const std::vector<float>& transitions) {
  float score = transitions[kNumTags * kNumTags + path[0]] + emissions[path[0]];
  for (std::size_t i = 1; i < path.size(); ++i) {
    score += transitions[path[i - 1] * kNumTags + path[i]] + emissions[i * kNumTags + path[i]];
  }
  return score;
}

TEST_CASE("viterbi finds the best legal path: brute force over every sequence of 4 tags") {
  // A fixed linear congruential sequence: the same "random" weights on every run.
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(state >> 8) / static_cast<float>(1u << 24) * 10.0f - 5.0f;
  };
  constexpr std::size_t n = 4;
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<float> emissions(n * kNumTags);
    std::vector<float> transitions(kTransitionSize);
    for (float& e : emissions) e = next();
    for (float& t : transitions) t = next();
    std::vector<int> best_path;
    float best = 0.0f;
    std::vector<int> path(n, 0);
    for (int code = 0; code < 9 * 9 * 9 * 9; ++code) {
      for (std::size_t i = 0, c = static_cast<std::size_t>(code); i < n; ++i, c /= 9) {
        path[i] = static_cast<int>(c % 9);
      }
      bool legal = transition_allowed(-1, path[0]);
      for (std::size_t i = 1; i < n; ++i) legal = legal && transition_allowed(path[i - 1], path[i]);
      if (!legal) continue;
      float score = path_score(path, emissions, transitions);
      if (best_path.empty() || score > best) {
        best = score;
        best_path = path;
      }
    }
    std::vector<int> found = viterbi(emissions.data(), n, transitions.data());
    CAPTURE(trial);
    // Sums in another order may differ in the last bit: compare scores, then paths.
    CHECK(path_score(found, emissions, transitions) == doctest::Approx(best).epsilon(1e-5));
    CHECK(found == best_path);
  }
}
