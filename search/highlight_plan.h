// What a snippet marks, read from the query as Xapian parsed it (issue 16, point 7):
// a word is marked only where it matches as the query means it. A lone word or stem
// marks wherever it occurs; a phrase's words only where the whole phrase occurs, NEAR's
// only where all of them fall within its window; a CJK run (a phrase of bigrams) only
// where the run occurs; a wildcard marks the words it expands to; an entity or field
// term (person:"Gordon Brown", author:, topic:, source:, title:) marks its words where
// they occur together. Words the query excludes (AND_NOT) mark nothing.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text_analyzer.h"

namespace newsdex {

struct HighlightPlan {
  // One leaf of the query: a term, a stem or a wildcard, standing alone or as one slot
  // of a group.
  struct Leaf {
    int group = -1;       // index in `groups`, or -1 for a leaf that marks on its own
    int slot = 0;         // its place in the group (PHRASE order)
    int unit = 0;         // what the snippet window counts as one distinct match
    bool bigram = false;  // a CJK bigram: marks its word and the next
  };
  // A positional group: its slots must all match within `window` positions (the span
  // from the first to the last word, both counted), in slot order when `ordered`.
  struct Group {
    int slots = 0;
    Xapian::termpos window = 0;
    bool ordered = false;
    int unit = 0;
  };
  std::vector<Leaf> leaves;
  std::vector<Group> groups;
  // Terms (folded words, CJK bigrams and "Z" stems) and wildcard prefixes, to the
  // leaves they are.
  std::unordered_map<std::string, std::vector<int>> terms;
  std::vector<std::pair<std::string, int>> wildcards;
  int units = 0;

  bool empty() const { return leaves.empty(); }
};

// The plan of `query` (the query as the user meant it: not its expansion terms or
// recency). `analyzer` splits field values into words. Terms in `unmarked` match but
// mark nothing: the other names a name filter matches through the corpus's
// resolution (person:"Gordon Brown" also finds articles that say only "Brown", but
// marks the name asked for, not every brown).
HighlightPlan highlight_plan(const Xapian::Query& query, TextAnalyzer& analyzer,
                             const std::unordered_set<std::string>& unmarked = {});

}  // namespace newsdex
