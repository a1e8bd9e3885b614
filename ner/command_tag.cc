// newsdex-ner tag: CoNLL columns in, the same lines out with one more column (IOB2 guess).
#include <iostream>

#include "core/ner/conll_reader.h"
#include "core/ner/entity_tagger.h"
#include "core/ner/tags.h"
#include "ner/commands.h"
#include "ner/input.h"

namespace newsdex::ner::cli {

Command add_tag_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "tag",
      "Read CoNLL-2003 columns (word first; blank line between sentences; -DOCSTART- between\n"
      "documents) and write every line unchanged plus a column with the predicted IOB2 tag.");
  auto model = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>("-");
  cmd->add_option("--model", *model, "model file (default: $NEWSDEX_NER_MODEL or the shipped one)");
  cmd->add_option("file", *file, "input file, - for standard input")->capture_default_str();
  return [model, file] {
    auto tagger = EntityTagger::load(model->empty() ? default_model_path() : *model);
    Input input(*file);
    ConllFile conll;
    try {
      conll = read_conll(input.stream(), false);
    } catch (const std::runtime_error& e) {
      throw UsageError(*file + ": " + e.what());
    }
    std::vector<std::string> predicted(conll.lines.size());
    for (const Document& document : conll.documents) {
      std::vector<std::vector<int>> tags = tagger->tag(document);
      for (std::size_t s = 0; s < document.sentences.size(); ++s) {
        for (std::size_t i = 0; i < tags[s].size(); ++i) {
          predicted[document.sentences[s].starts[i]] = tag_name(tags[s][i]);
        }
      }
    }
    std::string out;
    for (std::size_t k = 0; k < conll.lines.size(); ++k) {
      out += conll.lines[k];
      if (!predicted[k].empty()) out += ' ' + predicted[k];
      out += '\n';
    }
    std::cout << out << std::flush;
  };
}

}  // namespace newsdex::ner::cli
