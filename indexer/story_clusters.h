// Story membership (issue 16, point 4): the articles that are one story
// (story_signature.h same_story, taken transitively) share a story key, the smallest
// id term among them, in layout.h kStorySlot, and their number in kStorySizeSlot;
// search collapses on the key. The stories are the connected components of the
// same_story graph, so they depend on which articles the index holds, never on the
// order they came in: a first build computes them in one pass over the merged index,
// and every later write settles the components it touched. The values are written in
// the same batch as the articles that changed them, so a commit holds both or neither
// (kill -9 leaves the last commit, consistent).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>

namespace newsdex {

// The writer's side: note what is about to change and what changed, then settle.
class StoryTracker {
 public:
  // Before the documents holding `term` (an id or file term) are replaced or deleted:
  // the stories they are in now are settled again afterwards (they may split).
  void before_change(const Xapian::Database& db, const std::string& term);
  void before_change(const Xapian::Database& db, Xapian::docid did);
  // After document `did` was written.
  void changed(Xapian::docid did) { seeds_.insert(did); }
  // Gives each story touched since the last call its key and size, rewriting only the
  // documents whose values change; returns how many it rewrote.
  std::size_t settle(Xapian::WritableDatabase& db);

 private:
  std::set<Xapian::docid> seeds_;
};

// Every story of `db` at once, from the signatures in memory (a first build's merged
// index); the same stories StoryTracker finds. Returns the documents rewritten.
std::size_t assign_all_stories(Xapian::WritableDatabase& db);

}  // namespace newsdex
