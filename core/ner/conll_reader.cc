#include "core/ner/conll_reader.h"

#include <stdexcept>

#include "core/ner/tags.h"

namespace newsdex::ner {
namespace {

std::vector<std::string> split_columns(const std::string& line) {
  std::vector<std::string> columns;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) columns.push_back(line.substr(i, j - i));
    i = j;
  }
  return columns;
}

}  // namespace

ConllFile read_conll(std::istream& in, bool with_gold) {
  ConllFile file;
  Document document;
  Sentence sentence;
  auto end_sentence = [&] {
    if (!sentence.words.empty()) document.sentences.push_back(std::move(sentence));
    sentence = Sentence{};
  };
  auto end_document = [&] {
    end_sentence();
    if (!document.sentences.empty()) file.documents.push_back(std::move(document));
    document = Document{};
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t number = file.lines.size();
    file.lines.push_back(line);
    std::vector<std::string> columns = split_columns(line);
    if (columns.empty()) {
      end_sentence();
      continue;
    }
    if (columns[0] == "-DOCSTART-") {
      end_document();
      continue;
    }
    if (with_gold) {
      int tag = columns.size() >= 2 ? parse_tag(columns.back()) : -1;
      if (tag < 0) {
        throw std::runtime_error("line " + std::to_string(number + 1) +
                                 ": expected a word and an IOB2 tag in the last column");
      }
      sentence.gold.push_back(tag);
    }
    sentence.words.push_back(columns[0]);
    sentence.starts.push_back(number);
    sentence.ends.push_back(number);
  }
  end_document();
  return file;
}

}  // namespace newsdex::ner
