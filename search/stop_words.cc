#include "search/stop_words.h"

#include <iterator>

namespace newsdex {
namespace {

// English function words: Snowball's English list (snowballstem.org/algorithms/english/
// stop.txt) without the words that carry meaning in news ("against", "over", "off",
// "may" (Theresa May, the month), "us" (the country after folding),
// "own", "same", "few", "more", "most", "no", "not", "only", "very", "up", "down").
constexpr const char* kEnglish[] = {
    "a",        "about",      "above",   "after",      "again", "all",       "am",      "an",
    "and",      "any",        "are",     "as",         "at",    "be",        "because", "been",
    "before",   "being",      "below",   "between",    "both",  "but",       "by",      "can",
    "cannot",   "could",      "did",     "do",         "does",  "doing",     "during",  "each",
    "for",      "from",       "further", "had",        "has",   "have",      "having",  "he",
    "her",      "here",       "hers",    "herself",    "him",   "himself",   "his",     "how",
    "i",        "if",         "in",      "into",       "is",    "it",        "its",     "itself",
    "me",       "must",       "my",      "myself",     "nor",   "of",        "on",      "once",
    "or",       "other",      "ought",   "our",        "ours",  "ourselves", "out",     "shall",
    "she",      "should",     "so",      "some",       "such",  "than",      "that",    "the",
    "their",    "theirs",     "them",    "themselves", "then",  "there",     "these",   "they",
    "this",     "those",      "through", "to",         "too",   "under",     "until",   "was",
    "we",       "were",       "what",    "when",       "where", "which",     "while",   "who",
    "whom",     "why",        "will",    "with",       "would", "you",       "your",    "yours",
    "yourself", "yourselves", "s",       "t",          "also",  "might",
};

}  // namespace

std::unique_ptr<Xapian::Stopper> make_stopper(const std::string& language) {
  if (language != "english") return nullptr;
  return std::make_unique<Xapian::SimpleStopper>(std::begin(kEnglish), std::end(kEnglish));
}

const Xapian::Stopper* shared_stopper(const std::string& language) {
  if (language != "english") return nullptr;
  static const Xapian::SimpleStopper english(std::begin(kEnglish), std::end(kEnglish));
  return &english;
}

}  // namespace newsdex
