#include "search/snippet.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/cjk_ngrams.h"
#include "core/languages.h"

namespace newsdex {
namespace {

struct Word {
  std::size_t start, end;
  int match;  // index of the distinct query term it matches, or -1
};

// Moves `pos` back to the start of a UTF-8 character.
std::size_t char_start(const std::string& s, std::size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

std::string squeeze_space(const std::string& s,
                          std::vector<std::pair<std::size_t, std::size_t>>& hl) {
  // Newlines and runs of spaces become single spaces; highlight offsets follow.
  std::string out;
  std::vector<std::size_t> map(s.size() + 1);
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    map[i] = out.size();
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space) out += ' ';
      space = true;
    } else {
      out += c;
      space = false;
    }
  }
  map[s.size()] = out.size();
  for (auto& [a, b] : hl) {
    a = map[a];
    b = map[b];
  }
  return out;
}

// Marks each word with the unit it matches as the query means it: a lone leaf
// wherever it occurs, a group's leaves only where every slot of the group occurs
// within its window (in order for a phrase).
void mark_matches(const HighlightPlan& plan, std::vector<std::pair<std::size_t, int>>& hits,
                  std::vector<Word>& words) {
  if (hits.empty()) return;
  auto mark = [&](std::size_t pos, const HighlightPlan::Leaf& leaf, int unit) {
    if (pos < words.size()) words[pos].match = unit;
    if (leaf.bigram && pos + 1 < words.size()) words[pos + 1].match = unit;
  };
  bool any_group = false;
  for (const auto& [pos, l] : hits) {
    const auto& leaf = plan.leaves[static_cast<std::size_t>(l)];
    if (leaf.group < 0)
      mark(pos, leaf, leaf.unit);
    else
      any_group = true;
  }
  if (!any_group) return;
  // A bigram's hit comes after its second character's: order by position.
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::size_t, int>> events;  // (position, leaf) of one group
  std::vector<int> count;
  for (std::size_t g = 0; g < plan.groups.size(); ++g) {
    const auto& group = plan.groups[g];
    events.clear();
    for (const auto& h : hits)
      if (plan.leaves[static_cast<std::size_t>(h.second)].group == static_cast<int>(g))
        events.push_back(h);
    if (events.empty()) continue;
    auto slot_of = [&](std::size_t i) {
      return static_cast<std::size_t>(plan.leaves[static_cast<std::size_t>(events[i].second)].slot);
    };
    if (group.ordered) {
      // From each occurrence of the first slot, the earliest next slot after it, and
      // so on: the shortest span that starts there.
      for (std::size_t i = 0; i < events.size(); ++i) {
        if (slot_of(i) != 0) continue;
        std::vector<std::size_t> chain{i};
        for (std::size_t j = i + 1; j < events.size() && chain.size() < std::size_t(group.slots);
             ++j)
          if (slot_of(j) == chain.size() && events[j].first > events[chain.back()].first)
            chain.push_back(j);
        if (chain.size() != std::size_t(group.slots)) continue;
        if (events[chain.back()].first - events[i].first + 1 > group.window) continue;
        for (const std::size_t c : chain)
          mark(events[c].first, plan.leaves[static_cast<std::size_t>(events[c].second)],
               group.unit);
      }
      continue;
    }
    // NEAR: every window of positions no wider than the group's that holds each slot.
    count.assign(static_cast<std::size_t>(group.slots), 0);
    int present = 0;
    for (std::size_t l = 0, r = 0; r < events.size(); ++r) {
      if (count[slot_of(r)]++ == 0) ++present;
      while (events[r].first - events[l].first + 1 > group.window)
        if (--count[slot_of(l++)] == 0) --present;
      if (present == group.slots)
        for (std::size_t k = l; k <= r; ++k)
          mark(events[k].first, plan.leaves[static_cast<std::size_t>(events[k].second)],
               group.unit);
    }
  }
}

}  // namespace

const std::string& SnippetMaker::stem(const std::string& term, const Xapian::Stem* other) {
  if (!other) return analyzer_.stem(term);
  other_stem_ = (*other)(term);
  return other_stem_;
}

const Xapian::Stem* SnippetMaker::stemmer_for(const std::string& language) {
  // As the indexer chose (indexer/article_loader.cc): the schema's stemmer unless the
  // article's language needs another one.
  if (language.empty() || schema_stemmer_ == "none") return nullptr;
  const std::string name = stemmer_for_language(language);
  if (name == schema_stemmer_) return nullptr;
  auto it = stemmers_.find(name);
  if (it == stemmers_.end()) {
    Xapian::Stem stemmer;
    try {
      stemmer = Xapian::Stem(name);
    } catch (const Xapian::Error&) {
      // Not a Snowball language: nothing was stemmed.
    }
    it = stemmers_.emplace(name, stemmer).first;
  }
  return &it->second;
}

Snippet SnippetMaker::make(const std::string& body, const HighlightPlan& plan,
                           const std::string& language) {
  // Only the words are needed, and for a long article only as far as matches go. A
  // word's index in `words` is its position, as the index counts them (CJK characters
  // one by one, junk words not at all), so that phrases and windows can be checked.
  std::vector<Word> words;
  words.reserve(body.size() / 5);  // about a word every six bytes of news: no regrowth
  std::vector<std::pair<std::size_t, int>> hits;  // (position, leaf)
  const Xapian::Stem* other_stemmer = stemmer_for(language);
  // Snowball stems keep the first letter of the word ("dying" -> "die"), so only words
  // that begin like one of the query's stems are worth stemming: stemming every word
  // was a third of a search.
  bool stem_starts[256] = {};
  bool any_stem = false;
  // Folding is the costly step per word, and a word can only match when its first
  // letter does: folding keeps an ASCII first character (lower-cased), so a word that
  // starts with ASCII is folded only when a term, stem or wildcard starts like it.
  // Words that start with other characters are always folded ("Élan" -> "elan").
  bool first_letters[128] = {};
  auto want_first = [&](std::string_view t) {
    if (t.empty() || static_cast<unsigned char>(t[0]) >= 0x80) return;
    const auto c = static_cast<unsigned char>(t[0]);
    first_letters[c] = first_letters[std::toupper(c)] = true;
  };
  // And a word can only be a term of the same length: most folded words are not
  // looked up at all.
  bool term_sizes[kMaxWordBytes + 2] = {};
  bool stem_sizes[kMaxWordBytes + 2] = {};
  std::size_t shortest_stem = kMaxWordBytes;  // a stem is never longer than its word
  for (const auto& [t, leaves] : plan.terms) {
    if (t.size() > 1 && t[0] == 'Z') {
      any_stem = stem_starts[static_cast<unsigned char>(t[1])] = true;
      want_first(std::string_view(t).substr(1));
      stem_sizes[std::min(t.size() - 1, kMaxWordBytes + 1)] = true;
      shortest_stem = std::min(shortest_stem, t.size() - 1);
    } else {
      want_first(t);
      term_sizes[std::min(t.size(), kMaxWordBytes + 1)] = true;
    }
  }
  for (const auto& w : plan.wildcards) want_first(w.first);
  auto add_hits = [&](const std::string& term, std::size_t pos) {
    if (term.size() > kMaxWordBytes || !term_sizes[term.size()]) return false;
    const auto it = plan.terms.find(term);
    if (it == plan.terms.end()) return false;
    for (const int leaf : it->second) hits.emplace_back(pos, leaf);
    return true;
  };
  // The CJK character just seen, while the next word may continue its run.
  std::string cjk_before;
  std::size_t cjk_before_end = 0;
  // A word that may match: folded, looked up, stemmed.
  auto word = [&](std::size_t s, std::size_t e) {
    if (e - s > kMaxWordBytes) return;  // as the index: not a word
    const std::size_t pos = words.size();
    const std::string term = analyzer_.fold(std::string_view(body).substr(s, e - s));
    if (term.empty() || term.size() > kMaxWordBytes) return;  // as the index
    words.push_back({s, e, -1});
    if (is_cjk_char_term(term)) {
      // A bigram at the first character's position (core/document_builder.cc).
      if (!cjk_before.empty() && cjk_before_end == s) add_hits(cjk_before + term, pos - 1);
      add_hits(term, pos);
      cjk_before = term;
      cjk_before_end = e;
      return;
    }
    cjk_before.clear();
    bool matched = add_hits(term, pos);
    for (const auto& [prefix, leaf] : plan.wildcards)
      if (term.size() >= prefix.size() && term.compare(0, prefix.size(), prefix) == 0) {
        hits.emplace_back(pos, leaf);
        matched = true;
      }
    if (!matched && any_stem && term.size() >= shortest_stem &&
        stem_starts[static_cast<unsigned char>(term[0])]) {
      const std::string& z = stem(term, other_stemmer);
      if (z.size() <= kMaxWordBytes && stem_sizes[z.size()]) {
        const auto it = plan.terms.find("Z" + z);
        if (it != plan.terms.end())
          for (const int leaf : it->second) hits.emplace_back(pos, leaf);
      }
    }
  };
  analyzer_.segmenter().for_each_word(body, [&](std::size_t s, std::size_t e) {
    const auto first = static_cast<unsigned char>(body[s]);
    if (first < 0x80) {
      // Most words: ASCII, and no term starts like them. They only take a position.
      if (first_letters[first]) {
        word(s, e);
      } else if (e - s <= kMaxWordBytes) {
        cjk_before.clear();
        words.push_back({s, e, -1});
      }
      return;
    }
    // CJK characters are words of their own (core/text_analyzer.cc).
    if (e - s < 3 || !has_cjk(std::string_view(body).substr(s, e - s))) {
      word(s, e);
      return;
    }
    for_each_cjk_piece(std::string_view(body).substr(s, e - s),
                       [&](std::size_t ps, std::size_t pe, bool) { word(s + ps, s + pe); });
  });
  mark_matches(plan, hits, words);

  // The window of at most max_bytes_ that holds the most distinct matched terms, then
  // the most matches; ties go to the earliest, so a title-only match shows the lead.
  std::size_t best_first = 0, best_last = 0;
  long best_score = -1;
  std::vector<int> seen(static_cast<std::size_t>(plan.units) + 1, 0);
  std::size_t distinct_in = 0, matches_in = 0;
  for (std::size_t first = 0, last = 0; first < words.size(); ++first) {
    while (last < words.size() && words[last].end - words[first].start <= max_bytes_) {
      if (words[last].match >= 0) {
        ++matches_in;
        if (seen[words[last].match]++ == 0) ++distinct_in;
      }
      ++last;
    }
    const long score = static_cast<long>(distinct_in) * 1000 + static_cast<long>(matches_in);
    if (score > best_score) {
      best_score = score;
      best_first = first;
      best_last = last;
    }
    if (last == first) {
      ++last;  // a single word longer than the window
      continue;
    }
    if (words[first].match >= 0) {
      --matches_in;
      if (--seen[words[first].match] == 0) --distinct_in;
    }
  }

  Snippet out;
  if (words.empty()) {
    std::size_t end = char_start(body, std::min(body.size(), max_bytes_));
    out.text = body.substr(0, end);
    out.text = squeeze_space(out.text, out.highlights);
    return out;
  }
  // Start a little before the first match when the window allows, so it reads as text.
  std::size_t start = words[best_first].start;
  std::size_t end = words[best_last - 1].end;
  // Extend to the end of the sentence-ish context within the budget.
  while (best_last < words.size() && words[best_last].end - start <= max_bytes_)
    end = words[best_last++].end;
  if (end < body.size() && std::string_view(".!?\"”’)").find(body[end]) != std::string_view::npos)
    ++end;
  end = std::min(end, body.size());

  std::string text;
  const bool cut_front = start > 0;
  const bool cut_back = end < body.size();
  if (cut_front) text += "…";
  const std::size_t offset = text.size();
  text.append(body, start, end - start);
  if (cut_back) text += "…";
  for (std::size_t i = best_first; i < words.size() && words[i].end <= end; ++i)
    if (words[i].match >= 0)
      out.highlights.emplace_back(words[i].start - start + offset, words[i].end - start + offset);
  out.text = squeeze_space(text, out.highlights);
  return out;
}

}  // namespace newsdex
