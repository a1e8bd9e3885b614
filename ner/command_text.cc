// newsdex-ner text: plain text in, one JSON line per entity out.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/ner/entity_tagger.h"
#include "ner/commands.h"
#include "ner/input.h"

namespace newsdex::ner::cli {

Command add_text_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "text",
      "Read one article of plain UTF-8 text and print its entities as JSON lines\n"
      "{\"type\",\"text\",\"canonical\",\"start\",\"end\"}: type is person, place, org or misc;\n"
      "start and end are byte offsets into the input, [start, end).");
  auto model = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>("-");
  cmd->add_option("--model", *model, "model file (default: $NEWSDEX_NER_MODEL or the shipped one)");
  cmd->add_option("file", *file, "input file, - for standard input")->capture_default_str();
  return [model, file] {
    auto tagger = EntityTagger::load(model->empty() ? default_model_path() : *model);
    Input input(*file);
    std::stringstream text;
    text << input.stream().rdbuf();
    std::string out;
    for (const Entity& e : tagger->extract(text.str())) {
      nlohmann::json line = {{"type", entity_type_name(e.type)},
                             {"text", e.text},
                             {"canonical", e.canonical},
                             {"start", e.start},
                             {"end", e.end}};
      out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += '\n';
    }
    std::cout << out << std::flush;
  };
}

}  // namespace newsdex::ner::cli
