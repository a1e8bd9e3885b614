// Reading the CoNLL-2003 column format.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/ner/document.h"

namespace newsdex::ner {

struct ConllFile {
  std::vector<std::string> lines;   // every input line, without its newline
  std::vector<Document> documents;  // Sentence::starts holds the line number of each token
};

// Reads CoNLL columns: word first, gold tag last when `with_gold` (then a token line needs at
// least two columns and a valid IOB2 tag). `-DOCSTART-` lines start a new document; blank
// lines end sentences. Throws std::runtime_error("line N: ...") on malformed input.
ConllFile read_conll(std::istream& in, bool with_gold);

}  // namespace newsdex::ner
