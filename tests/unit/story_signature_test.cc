// Story signatures (core/story_signature.h): copies that differ in a few words, a
// dateline or a byline are one story; different stories sharing a footer or a lead
// are not.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "core/story_signature.h"

using namespace newsdex;

namespace {

StorySignature signature(const std::string& text) {
  ShingleHasher h;
  std::istringstream in(text);
  for (std::string w; in >> w;) h.add_word(w);
  return *h.finish();
}

// A text of `n` words that no other call shares (seeded by `tag`).
std::string words(const std::string& tag, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += tag + std::to_string(i * 7919 % 1000) + " ";
  return out;
}

const std::string kStory =
    "the central bank raised its main interest rate by a quarter point on tuesday "
    "saying inflation had stayed above its target for a third month while wages grew "
    "faster than expected the governor told reporters that further rises could follow "
    "if prices kept climbing but that the economy remained resilient despite weaker "
    "exports and a slowdown in construction analysts had expected the move after a "
    "string of strong employment figures and markets reacted calmly with the currency "
    "edging higher against the dollar and government bond yields barely changed by "
    "the close of trading in the capital";

}  // namespace

TEST_CASE("story signature: identical texts agree everywhere, and are one story") {
  CHECK(story_similarity(signature(kStory), signature(kStory)) == 1.0);
  CHECK(same_story(signature(kStory), signature(kStory)));
}

TEST_CASE("story signature: a wire copy with another dateline, byline and a few words") {
  const std::string copy = "london reuters by jane smith " + kStory;
  std::string edited = copy;
  edited.replace(edited.find("tuesday"), 7, "wednesday");
  edited.replace(edited.find("calmly"), 6, "quietly");
  const double sim = story_similarity(signature(kStory), signature(edited));
  MESSAGE("similarity " << sim);
  CHECK(sim >= kSameStoryThreshold);
  CHECK(same_story(signature(kStory), signature(edited)));
}

TEST_CASE("story signature: different stories sharing a long footer are not one story") {
  const std::string footer = words("footer", 60);
  const StorySignature a = signature(words("alpha", 90) + footer);
  const StorySignature b = signature(words("beta", 90) + footer);
  CHECK(story_similarity(a, b) < kSameStoryThreshold);
  CHECK_FALSE(same_story(a, b));
}

TEST_CASE("story signature: different stories sharing a common lead are not one story") {
  const std::string lead = words("lead", 40);
  CHECK_FALSE(
      same_story(signature(lead + words("gamma", 120)), signature(lead + words("delta", 120))));
}

TEST_CASE("story signature: the threshold decides, and a shared band is needed") {
  StorySignature a{}, b{};
  for (std::size_t i = 0; i < kMinHashes; ++i) a[i] = b[i] = std::uint32_t(i);
  // Differ in one value of every band: similar enough, but no band alike.
  for (std::size_t band = 0; band < kBands; ++band) b[band * kBandRows] += 1000;
  CHECK(story_similarity(a, b) == doctest::Approx(1.0 - double(kBands) / double(kMinHashes)));
  CHECK(story_similarity(a, b) >= kSameStoryThreshold);
  CHECK_FALSE(share_band(a, b));
  CHECK_FALSE(same_story(a, b));
  // Now the first band alike again, and enough agreement: one story.
  b[0] = a[0];
  CHECK(share_band(a, b));
  CHECK(same_story(a, b) == (story_similarity(a, b) >= kSameStoryThreshold));
  CHECK(same_story(a, b));
  // Below the threshold, sharing a band is not enough.
  StorySignature c = a;
  for (std::size_t i = kBandRows; i < kMinHashes; i += 2) c[i] += 1;
  CHECK(share_band(a, c));
  CHECK(story_similarity(a, c) < kSameStoryThreshold);
  CHECK_FALSE(same_story(a, c));
}

TEST_CASE("story signature: value and band terms round-trip, short and empty texts") {
  const StorySignature s = signature(kStory);
  CHECK(decode_signature(encode_signature(s)) == s);
  CHECK_FALSE(decode_signature("short"));
  const auto bands = band_terms(s);
  CHECK(bands.size() == kBands);
  CHECK(bands.front().rfind("XBa", 0) == 0);
  CHECK(band_terms(signature("two words")) == band_terms(signature("two words")));
  CHECK(signature("two words") != signature("two other"));
  CHECK_FALSE(ShingleHasher().finish());
}

TEST_CASE("story signature: the agreement estimates the Jaccard similarity of the shingles") {
  // Pairs of texts whose shingle sets have a known Jaccard similarity: `shared` words
  // in common, then each its own words. Averaged over many pairs, the share of agreeing
  // positions must match it, for long texts (every bin filled) and for short ones
  // (bins left empty and densified), or the threshold would not mean what it says.
  const auto mean_similarity = [](int shared, int own, int pairs) {
    double sum = 0;
    for (int p = 0; p < pairs; ++p) {
      const std::string tag = "p" + std::to_string(p) + "w";
      std::string common;
      for (int i = 0; i < shared; ++i) common += tag + std::to_string(i) + " ";
      std::string a = common, b = common;
      for (int i = 0; i < own; ++i) {
        a += tag + "a" + std::to_string(i) + " ";
        b += tag + "b" + std::to_string(i) + " ";
      }
      sum += story_similarity(signature(a), signature(b));
    }
    return sum / pairs;
  };
  // Shingles of 3 words: `shared` words make shared - 2 common shingles, and each text
  // adds `own` of its own (the first two straddle the boundary).
  const auto jaccard = [](int shared, int own) {
    const double common = shared - 2, only = own;
    return common / (common + 2 * only);
  };
  for (const auto& [shared, own] : {std::pair{602, 150}, std::pair{402, 400}, std::pair{42, 20},
                                    std::pair{22, 20}, std::pair{12, 5}}) {
    const double estimate = mean_similarity(shared, own, 200);
    MESSAGE(shared << " shared, " << own << " own: Jaccard " << jaccard(shared, own)
                   << ", estimate " << estimate);
    CHECK(estimate == doctest::Approx(jaccard(shared, own)).epsilon(0.04));
  }
}

TEST_CASE("story signature: a text shorter than the bins fills them all") {
  // Ten words are eight shingles for 64 bins: the empty ones borrow filled ones'
  // values, so none keeps the empty marker and equal texts still agree everywhere.
  const StorySignature s = signature(words("short", 10));
  for (const std::uint32_t v : s) CHECK(v != ~std::uint32_t{0});
  CHECK(story_similarity(s, signature(words("short", 10))) == 1.0);
}
