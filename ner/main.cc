// newsdex-ner: the entity tagger on its own (see docs/cli-contract.md, section newsdex-ner).
#include <iostream>
#include <map>

#include "ner/commands.h"

int main(int argc, char** argv) {
  using namespace newsdex::ner::cli;
  CLI::App app{
      "newsdex-ner: tag named entities (person, place, organisation, misc) in news text,\n"
      "and train or evaluate the tagger's model on CoNLL-2003 data.\n"
      "Environment: NEWSDEX_NER_MODEL (default model), NEWSDEX_NER_ALIASES (alias list).\n"
      "Exit status: 0 success; 2 usage error, an unreadable or malformed input or model file,\n"
      "or a model that cannot be written (one line 'newsdex-ner: ...' on stderr)."};
  app.require_subcommand(1);
  std::map<std::string, Command> commands;
  commands["tag"] = add_tag_command(app);
  commands["train"] = add_train_command(app);
  commands["eval"] = add_eval_command(app);
  commands["text"] = add_text_command(app);
  commands["clusters"] = add_clusters_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "newsdex-ner: " << e.what() << " (see --help)\n";
    return 2;
  }
  try {
    for (const auto& [name, run] : commands) {
      if (app.got_subcommand(name)) run();
    }
  } catch (const std::exception& e) {  // UsageError and file errors alike
    std::cerr << "newsdex-ner: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
