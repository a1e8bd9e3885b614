#include "core/ner/lexicon.h"

#include <map>
#include <unordered_map>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {

bool is_all_caps_sentence(const std::vector<std::string>& words) {
  int caps = 0;
  int lettered = 0;
  for (const std::string& word : words) {
    if (!has_letter(word)) continue;
    ++lettered;
    if (is_all_caps(word)) ++caps;
  }
  return caps >= 2 && caps * 10 >= lettered * 8;
}

Lexicon Lexicon::build(const std::vector<Document>& documents, int min_count) {
  struct Counts {
    int total = 0;
    int lower = 0;
    int capitalised = 0;
    int all_caps = 0;
    std::map<std::string, int> forms;  // ordered so ties resolve the same way on every run
  };
  std::unordered_map<std::string, Counts> counts;
  for (const Document& document : documents) {
    for (const Sentence& sentence : document.sentences) {
      bool caps_sentence = is_all_caps_sentence(sentence.words);
      for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        std::string form = ascii_fold(sentence.words[i]);
        if (!has_letter(form)) continue;
        Counts& c = counts[lower_case(form)];
        ++c.total;
        if (i == 0 || caps_sentence) continue;
        if (is_all_caps(form) && form.size() > 1) {
          ++c.all_caps;
        } else if (has_upper_initial(form)) {
          ++c.capitalised;
        } else {
          ++c.lower;
        }
        ++c.forms[form];
      }
    }
  }
  Lexicon lexicon;
  for (auto& [key, c] : counts) {
    if (c.total < min_count) continue;
    Entry entry;
    int informative = c.lower + c.capitalised + c.all_caps;
    if (informative == 0) {
      entry.casing = Casing::Unknown;
    } else if (c.lower * 10 >= informative * 9) {
      entry.casing = Casing::Lower;
    } else if (c.capitalised * 10 >= informative * 9) {
      entry.casing = Casing::Capitalised;
    } else if (c.all_caps * 10 >= informative * 9) {
      entry.casing = Casing::AllCaps;
    } else {
      entry.casing = Casing::Mixed;
    }
    int best = 0;
    for (const auto& [form, n] : c.forms) {
      if (n > best) {
        best = n;
        entry.usual_form = form;
      }
    }
    lexicon.insert(key, std::move(entry));
  }
  return lexicon;
}

const Lexicon::Entry* Lexicon::find(std::string_view lower_key) const {
  return entries_.find(lower_key);
}

}  // namespace newsdex::ner
