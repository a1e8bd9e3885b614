// newsdex-ner eval: exact-span precision, recall and F1 of the model on tagged CoNLL data.
#include <iostream>

#include "core/ner/conll_reader.h"
#include "core/ner/entity_tagger.h"
#include "core/ner/evaluation.h"
#include "ner/commands.h"
#include "ner/input.h"

namespace newsdex::ner::cli {

Command add_eval_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "eval",
      "Tag a CoNLL-2003 file whose last column is the gold IOB2 tag and print precision,\n"
      "recall and F1 per entity type and overall, over exact spans (conlleval's rules).");
  auto model = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  cmd->add_option("--model", *model, "model file (default: $NEWSDEX_NER_MODEL or the shipped one)");
  cmd->add_option("file", *file, "CoNLL file with gold tags, - for standard input")->required();
  return [model, file] {
    auto tagger = EntityTagger::load(model->empty() ? default_model_path() : *model);
    Input input(*file);
    ConllFile conll;
    try {
      conll = read_conll(input.stream(), true);
    } catch (const std::runtime_error& e) {
      throw UsageError(*file + ": " + e.what());
    }
    Evaluation evaluation;
    for (const Document& document : conll.documents) {
      std::vector<std::vector<int>> tags = tagger->tag(document);
      for (std::size_t s = 0; s < document.sentences.size(); ++s) {
        evaluation.add(document.sentences[s].gold, tags[s]);
      }
    }
    std::cout << evaluation.report() << std::flush;
  };
}

}  // namespace newsdex::ner::cli
