// newsdex-story-pairs DB [MIN]: every pair of articles of an index whose story
// signatures (core/story_signature.h) agree on at least MIN of their positions
// (default 0.3), one line each: estimated similarity, whether they share a band (the
// candidates the indexer compares), whether they are one story by the indexer's rule,
// the two ids and titles. scripts/eval-duplicates reads it to show the distribution
// the threshold was chosen from; a tool for that, not installed.
//
// Pairs are found by banding more finely than the index does (kMinHashes / 2 bands of
// 2 values), so that pairs well below the index's threshold are seen too.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/layout.h"
#include "core/stored_article.h"
#include "core/story_signature.h"

using namespace newsdex;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: newsdex-story-pairs DB [MIN]\n");
    return 2;
  }
  const double min = argc > 2 ? std::atof(argv[2]) : 0.3;
  try {
    Xapian::Database db(argv[1]);
    std::vector<std::pair<Xapian::docid, StorySignature>> docs;
    for (auto v = db.valuestream_begin(layout::kSignatureSlot);
         v != db.valuestream_end(layout::kSignatureSlot); ++v)
      if (const auto s = decode_signature(*v)) docs.emplace_back(v.get_docid(), *s);
    constexpr std::size_t kRows = 2;
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::size_t> order(docs.size());
    for (std::size_t band = 0; band < kMinHashes / kRows; ++band) {
      auto rows = [&](std::size_t i) { return docs[i].second.begin() + band * kRows; };
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::lexicographical_compare(rows(a), rows(a) + kRows, rows(b), rows(b) + kRows);
      });
      for (std::size_t first = 0, end; first < order.size(); first = end) {
        for (end = first + 1;
             end < order.size() &&
             std::equal(rows(order[first]), rows(order[first]) + kRows, rows(order[end]));
             ++end) {
        }
        if (end - first > 200) continue;  // a very common pair of values: no evidence
        for (std::size_t i = first; i < end; ++i)
          for (std::size_t j = i + 1; j < end; ++j)
            pairs.emplace(std::min(order[i], order[j]), std::max(order[i], order[j]));
      }
    }
    for (const auto& [a, b] : pairs) {
      const auto& x = docs[a].second;
      const auto& y = docs[b].second;
      const double sim = story_similarity(x, y);
      if (sim < min) continue;
      const Article da = load_article(db.get_document(docs[a].first));
      const Article db_ = load_article(db.get_document(docs[b].first));
      std::printf("%.3f\t%d\t%d\t%s\t%s\t%s\t%s\n", sim, share_band(x, y) ? 1 : 0,
                  same_story(x, y) ? 1 : 0, da.path.c_str(), db_.path.c_str(), da.title.c_str(),
                  db_.title.c_str());
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "newsdex-story-pairs: %s\n", e.get_description().c_str());
    return 3;
  }
  return 0;
}
