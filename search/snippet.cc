#include "search/snippet.h"

#include <algorithm>
#include <cctype>
#include <map>

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

}  // namespace

Snippet SnippetMaker::make(const std::string& body, const std::set<std::string>& terms,
                           const std::vector<std::string>& wildcards) {
  // Only the words are needed, and for a long article only as far as matches go.
  std::vector<Word> words;
  std::map<std::string, int> distinct;
  // Snowball stems keep the first letter of the word ("dying" -> "die"), so only words
  // that begin like one of the query's stems are worth stemming: stemming every word
  // was a third of a search.
  bool stem_starts[256] = {};
  bool any_stem = false;
  for (const auto& t : terms)
    if (t.size() > 1 && t[0] == 'Z' && !std::isupper(static_cast<unsigned char>(t[1])))
      any_stem = stem_starts[static_cast<unsigned char>(t[1])] = true;
  auto wildcard_of = [&](const std::string& word) -> const std::string* {
    for (const auto& w : wildcards)
      if (word.size() >= w.size() && word.compare(0, w.size(), w) == 0) return &w;
    return nullptr;
  };
  auto could_stem_to = [&](const std::string& word) {
    return any_stem && !word.empty() && stem_starts[static_cast<unsigned char>(word[0])];
  };
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
  for (const auto& t : terms) want_first(t.size() > 1 && t[0] == 'Z' ? t.substr(1) : t);
  for (const auto& w : wildcards) want_first(w);
  analyzer_.segmenter().for_each_word(body, [&](std::size_t s, std::size_t e) {
    if (e - s > kMaxWordBytes) return;  // as the index: not a word
    const auto first = static_cast<unsigned char>(body[s]);
    int m = -1;
    if (first >= 0x80 || first_letters[first]) {
      const std::string term = analyzer_.fold(std::string_view(body).substr(s, e - s));
      if (term.empty()) return;
      if (terms.count(term)) {
        m = distinct.emplace(term, static_cast<int>(distinct.size())).first->second;
      } else if (const auto* w = wildcard_of(term)) {
        m = distinct.emplace(*w + "*", static_cast<int>(distinct.size())).first->second;
      } else if (could_stem_to(term)) {
        const std::string z = "Z" + analyzer_.stem(term);
        if (terms.count(z))
          m = distinct.emplace(z, static_cast<int>(distinct.size())).first->second;
      }
    }
    words.push_back({s, e, m});
  });

  // The window of at most max_bytes_ that holds the most distinct matched terms, then
  // the most matches; ties go to the earliest, so a title-only match shows the lead.
  std::size_t best_first = 0, best_last = 0;
  long best_score = -1;
  std::vector<int> seen(distinct.size() + 1, 0);
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
