// The unit the tagger works on: a document of sentences of tokens.
//
// Document-level features need the whole article at once, so both CoNLL input and plain
// text are turned into this shape before tagging.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdex::ner {

struct Sentence {
  std::vector<std::string> words;  // as written (UTF-8)
  std::vector<int> gold;           // IOB2 tags from the input, empty when untagged
  // Plain text: byte offsets of each word in the input. CoNLL input: line number of each word.
  std::vector<std::size_t> starts;
  std::vector<std::size_t> ends;
};

struct Document {
  std::vector<Sentence> sentences;
};

}  // namespace newsdex::ner
