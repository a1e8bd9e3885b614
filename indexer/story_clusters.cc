#include "indexer/story_clusters.h"

#include <algorithm>
#include <deque>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/layout.h"
#include "core/story_signature.h"

namespace newsdex {
namespace {

std::optional<StorySignature> signature_of(const Xapian::Document& doc) {
  return decode_signature(doc.get_value(layout::kSignatureSlot));
}

// The document's id term (Q + path): what the story key is made of.
std::string id_term_of(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(layout::kIdPrefix));
  if (t == doc.termlist_end()) return {};
  std::string term = *t;
  return term.rfind(layout::kIdPrefix, 0) == 0 ? term : std::string();
}

// The documents that are the same story as `did` (signature `s`): those sharing one
// of its band terms, confirmed by same_story.
std::vector<Xapian::docid> neighbours(const Xapian::Database& db, Xapian::docid did,
                                      const StorySignature& s) {
  std::vector<Xapian::docid> out;
  std::unordered_set<Xapian::docid> seen{did};
  for (const auto& band : band_terms(s))
    for (auto p = db.postlist_begin(band); p != db.postlist_end(band); ++p) {
      if (!seen.insert(*p).second) continue;
      const auto other = signature_of(db.get_document(*p, Xapian::DOC_ASSUME_VALID));
      if (other && same_story(s, *other)) out.push_back(*p);
    }
  return out;
}

// Makes the values of `members` (one story) say it; returns the documents rewritten.
std::size_t write_story(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& members,
                        const std::vector<std::string>& ids) {
  const bool alone = members.size() < 2;
  const std::string key = alone ? std::string() : *std::min_element(ids.begin(), ids.end());
  const std::string size = alone ? std::string() : std::to_string(members.size());
  std::size_t written = 0;
  for (const Xapian::docid did : members) {
    Xapian::Document doc = db.get_document(did);
    if (doc.get_value(layout::kStorySlot) == key && doc.get_value(layout::kStorySizeSlot) == size)
      continue;
    if (alone) {
      doc.remove_value(layout::kStorySlot);
      doc.remove_value(layout::kStorySizeSlot);
    } else {
      doc.add_value(layout::kStorySlot, key);
      doc.add_value(layout::kStorySizeSlot, size);
    }
    // Values only: Xapian rewrites neither the terms nor the positions.
    db.replace_document(did, doc);
    ++written;
  }
  return written;
}

bool exists(const Xapian::Database& db, Xapian::docid did) {
  try {
    db.get_document(did);
    return true;
  } catch (const Xapian::DocNotFoundError&) {
    return false;
  }
}

}  // namespace

void StoryTracker::before_change(const Xapian::Database& db, const std::string& term) {
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) before_change(db, *p);
}

void StoryTracker::before_change(const Xapian::Database& db, Xapian::docid did) {
  // Its story, with it gone, falls apart at most into pieces that each hold one of its
  // neighbours: settling from them finds every piece.
  const auto s = signature_of(db.get_document(did));
  if (!s) return;
  for (const Xapian::docid n : neighbours(db, did, *s)) seeds_.insert(n);
}

std::size_t StoryTracker::settle(Xapian::WritableDatabase& db) {
  std::size_t written = 0;
  std::unordered_set<Xapian::docid> visited;
  for (const Xapian::docid seed : seeds_) {
    if (visited.count(seed) || !exists(db, seed)) continue;
    // The seed's story: the connected component of same_story around it.
    std::vector<Xapian::docid> members;
    std::vector<std::string> ids;
    std::deque<Xapian::docid> queue{seed};
    visited.insert(seed);
    while (!queue.empty()) {
      const Xapian::docid did = queue.front();
      queue.pop_front();
      const Xapian::Document doc = db.get_document(did);
      members.push_back(did);
      ids.push_back(id_term_of(doc));
      const auto s = signature_of(doc);
      if (!s) continue;
      for (const Xapian::docid n : neighbours(db, did, *s))
        if (visited.insert(n).second) queue.push_back(n);
    }
    written += write_story(db, members, ids);
  }
  seeds_.clear();
  return written;
}

std::size_t assign_all_stories(Xapian::WritableDatabase& db) {
  struct Entry {
    Xapian::docid did;
    StorySignature signature;
  };
  std::vector<Entry> entries;
  for (auto v = db.valuestream_begin(layout::kSignatureSlot);
       v != db.valuestream_end(layout::kSignatureSlot); ++v)
    if (const auto s = decode_signature(*v)) entries.push_back({v.get_docid(), *s});

  std::vector<std::size_t> parent(entries.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Per band, the articles whose band is equal are the candidates, as the band terms
  // make them for the incremental writer.
  std::vector<std::size_t> order(entries.size());
  for (std::size_t band = 0; band < kBands; ++band) {
    const auto rows = [&](std::size_t i) {
      return entries[i].signature.begin() + band * kBandRows;
    };
    const auto less = [&](std::size_t a, std::size_t b) {
      return std::lexicographical_compare(rows(a), rows(a) + kBandRows, rows(b),
                                          rows(b) + kBandRows);
    };
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), less);
    for (std::size_t first = 0, end; first < order.size(); first = end) {
      for (end = first + 1;
           end < order.size() &&
           std::equal(rows(order[first]), rows(order[first]) + kBandRows, rows(order[end]));
           ++end) {
      }
      for (std::size_t i = first; i < end; ++i)
        for (std::size_t j = i + 1; j < end; ++j) {
          const std::size_t a = root(order[i]), b = root(order[j]);
          if (a != b && same_story(entries[order[i]].signature, entries[order[j]].signature))
            parent[std::max(a, b)] = std::min(a, b);
        }
    }
  }
  std::unordered_map<std::size_t, std::vector<Xapian::docid>> stories;
  for (std::size_t i = 0; i < entries.size(); ++i) stories[root(i)].push_back(entries[i].did);
  std::size_t written = 0;
  for (const auto& [r, members] : stories) {
    if (members.size() < 2) continue;  // a story alone has no values to write
    std::vector<std::string> ids;
    for (const Xapian::docid did : members) ids.push_back(id_term_of(db.get_document(did)));
    written += write_story(db, members, ids);
  }
  return written;
}

}  // namespace newsdex
