#include "core/ner/canonicaliser.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/ner/tags.h"
#include "core/ner/text_normalise.h"

namespace newsdex::ner {
namespace {

std::vector<std::string> split_words(const std::string& key) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    if (j > i) words.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// True when `part` occurs as a contiguous run of words in `whole`.
bool contains_words(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  if (part.empty() || part.size() >= whole.size()) return false;
  for (std::size_t i = 0; i + part.size() <= whole.size(); ++i) {
    bool same = true;
    for (std::size_t k = 0; k < part.size() && same; ++k) same = whole[i + k] == part[k];
    if (same) return true;
  }
  return false;
}

// A word of more than one letter written in capitals (a headline's or a dateline's
// "MOSCOW", or an acronym), not initials ("U.S.").
bool is_caps_word(std::string_view w) {
  return w.size() > 1 && is_all_caps(w) && w.find('.') == std::string_view::npos;
}

bool has_caps_word(const std::string& display) {
  const std::vector<std::string> words = split_words(display);
  return std::any_of(words.begin(), words.end(), is_caps_word);
}

// "MOSCOW" -> "Moscow", "OF" -> "Of".
std::string capitalised(std::string_view word) {
  std::string out = lower_case(word);
  if (!out.empty() && static_cast<unsigned char>(out[0]) < 0x80)
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::string usual_case(std::string_view display, const Lexicon* lexicon) {
  const std::vector<std::string> words = split_words(std::string(display));
  // Several words in capitals, one of them longer than an acronym usually is, are a
  // headline ("BANK OF ENGLAND"); short ones alone ("US TV", "US NEA") are acronyms.
  const bool headline = std::count_if(words.begin(), words.end(), is_caps_word) > 1 &&
                        std::any_of(words.begin(), words.end(), [](const std::string& w) {
                          return is_caps_word(w) && w.size() > 3;
                        });
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k];
    std::string cased = word;
    if (is_caps_word(word)) {
      using Casing = Lexicon::Casing;
      const Lexicon::Entry* e = lexicon ? lexicon->find(lower_case(ascii_fold(word))) : nullptr;
      if (e && (e->casing == Casing::Capitalised || e->casing == Casing::Mixed) &&
          !e->usual_form.empty())
        cased = e->usual_form;
      else if (e && e->casing == Casing::AllCaps)
        cased = word;
      else if (!headline && word.size() <= 3)
        // A short word in capitals outside a headline is an acronym, also when it is a
        // common word in lower case ("US Securities and Exchange Commission", "WHO").
        cased = word;
      else if (e && e->casing == Casing::Lower && k > 0)
        cased = lower_case(word);  // "Bank of England"
      else if (e || headline || word.size() > 5)
        // A headline's word, or a long word: not an acronym.
        cased = capitalised(word);
      // else a short word met only in capitals: an acronym ("UKIP")
      if (k > 0 && !e && headline) {
        const std::string lowered = lower_case(word);
        if (lowered == "of" || lowered == "and" || lowered == "the" || lowered == "for")
          cased = lowered;
      }
    }
    if (k) out += ' ';
    out += cased;
  }
  return out;
}

std::string display_form(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    // Fold only spaces and quotes here; letters keep their diacritics in the display.
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string_view cp = text.substr(i, len);
    std::string folded = len == 1 ? std::string(cp) : ascii_fold(cp);
    i += len;
    bool is_space = folded == " " || folded == "\t" || folded == "\n" || folded == "\r";
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (folded == "'" || folded == "\"") ? folded : std::string(cp);
  }
  // Surrounding quotes and a possessive are not part of the name.
  auto strip_front = [&] {
    while (!out.empty() && (out.front() == '"' || out.front() == '\'')) out.erase(out.begin());
  };
  strip_front();
  while (!out.empty() && (out.back() == '"' || out.back() == ' ')) out.pop_back();
  for (const char* suffix : {" 's", "'s", " 'S", "'S", " '", "'"}) {
    if (out.size() > 3 && out.ends_with(suffix)) {
      out.resize(out.size() - std::string_view(suffix).size());
      break;
    }
  }
  return out;
}

std::string_view without_honorific(std::string_view name) {
  // News writes "Mr Blair" after "Tony Blair"; the title is not part of the name.
  static constexpr std::string_view kTitles[] = {"Mr", "Mrs",  "Ms",  "Miss", "Mx",
                                                 "Dr", "Prof", "Mme", "Mlle"};
  const auto space = name.find(' ');
  if (space == std::string_view::npos || space + 1 >= name.size()) return name;
  std::string_view first = name.substr(0, space);
  if (first.ends_with('.')) first.remove_suffix(1);
  for (std::string_view title : kTitles) {
    if (first.size() != title.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < title.size() && same; ++i)
      same = (first[i] | 0x20) == (title[i] | 0x20);
    if (same) return name.substr(space + 1);
  }
  return name;
}

void Canonicaliser::canonicalise(std::vector<Mention>& mentions) const {
  std::vector<std::string> displays, keys;
  // The preferred spelling of each key in this article: mixed case wins over all caps,
  // then the most frequent, then the first.
  std::unordered_map<std::string, std::map<std::string, int>> spellings;
  for (const Mention& m : mentions) {
    const std::string display = display_form(m.text);
    displays.emplace_back(m.type == 0 ? without_honorific(display) : display);
    keys.push_back(name_key(displays.back()));
    ++spellings[keys.back()][displays.back()];
  }
  auto best_spelling = [&](std::size_t k) {
    const auto& forms = spellings[keys[k]];
    std::string best = displays[k];
    int best_score = -1;
    for (const auto& [form, count] : forms) {
      int score = count + (has_caps_word(form) ? 0 : 1000);
      if (score > best_score) {
        best_score = score;
        best = form;
      }
    }
    return has_caps_word(best) ? usual_case(best, lexicon_) : best;
  };

  // Persons named with more words than a mention that they contain, grouped by key
  // (a long article repeats the same full names thousands of times) and indexed by
  // word, so each mention looks only at the full names that share its first word.
  struct FullName {
    std::vector<std::string> words;
    std::vector<std::size_t> mentions;  // ascending
  };
  std::vector<FullName> full_names;
  std::unordered_map<std::string, std::size_t> full_name_of_key;
  std::unordered_map<std::string, std::vector<std::size_t>> full_names_with_word;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (mentions[k].type != 0) continue;
    auto found = full_name_of_key.find(keys[k]);
    if (found != full_name_of_key.end()) {
      full_names[found->second].mentions.push_back(k);
      continue;
    }
    std::vector<std::string> words = split_words(keys[k]);
    if (words.size() < 2) continue;
    const std::size_t id = full_names.size();
    full_name_of_key.emplace(keys[k], id);
    std::unordered_set<std::string> distinct(words.begin(), words.end());
    for (const auto& w : distinct) full_names_with_word[w].push_back(id);
    full_names.push_back({std::move(words), {k}});
  }
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    std::vector<std::string> words = split_words(keys[k]);
    // A person's partial name joins the longest full name containing it, the nearest earlier
    // one when several do; an ORG or LOC tag on a bare surname of such a person is a mistake.
    std::size_t joined = mentions.size();
    std::size_t best_words = 0;
    auto candidates =
        words.empty() ? full_names_with_word.end() : full_names_with_word.find(words[0]);
    if (candidates != full_names_with_word.end()) {
      for (std::size_t id : candidates->second) {
        const FullName& name = full_names[id];
        const std::vector<std::string>& full = name.words;
        if (!contains_words(full, words)) continue;
        if (m.type != 0 && (words.size() != 1 || full.back() != words[0])) continue;
        // Of this name's mentions, the nearest earlier one, else the first.
        auto after = std::lower_bound(name.mentions.begin(), name.mentions.end(), k);
        const std::size_t f = after == name.mentions.begin() ? name.mentions.front() : *(after - 1);
        bool better = joined == mentions.size() || full.size() > best_words ||
                      (full.size() == best_words && f < k && (joined > k || f > joined));
        if (better) {
          joined = f;
          best_words = full.size();
        }
      }
    }
    if (joined != mentions.size() && (m.type == 0 || m.type == 2 || m.type == 1)) {
      m.type = 0;
      if (const AliasTable::Target* alias = aliases_.find(0, displays[joined])) {
        m.canonical = alias->canonical;
      } else {
        m.canonical = best_spelling(joined);
      }
      continue;
    }
    if (const AliasTable::Target* alias = aliases_.find(m.type, displays[k])) {
      m.canonical = alias->canonical;
      continue;
    }
    m.canonical = best_spelling(k);
  }
}

}  // namespace newsdex::ner
