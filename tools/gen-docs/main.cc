// gen-docs TEMPLATES OUT: writes the man pages and the shell completions of newsdex,
// newsdexd and newsdex-ner into OUT (man/ and completions/), from the CLI11 definitions
// the programs parse their command lines with (search/command_table.cc and each
// command's define(), indexer/indexer_cli.cc, ner/command_*.cc) and the field table
// (core/fields.h). Run by the build; its output is what `cmake --install` installs.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/fields.h"
#include "indexer/indexer_cli.h"
#include "ner/commands.h"
#include "search/command.h"
#include "tools/gen-docs/cli_model.h"
#include "tools/gen-docs/completions.h"
#include "tools/gen-docs/man_page.h"

namespace fs = std::filesystem;
using namespace newsdex;
using namespace newsdex::docs;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

// newsdex as search/cli_main.cc builds it when --help lists every command.
Program newsdex_program() {
  CLI::App app;
  app.set_version_flag("--version", "newsdex");
  OutputFlags flags;
  std::vector<std::unique_ptr<newsdex::Command>> commands;
  for (const auto& entry : command_table()) {
    CLI::App* cmd = app.add_subcommand(entry.name, entry.summary);
    commands.push_back(entry.make());
    commands.back()->define(*cmd, flags);
  }
  return read_program("newsdex", app);
}

Program newsdexd_program() {
  CLI::App app;
  IndexerFlags flags;
  define_indexer_cli(app, flags);
  return read_program("newsdexd", app);
}

Program ner_program() {
  CLI::App app;
  ner::cli::add_tag_command(app);
  ner::cli::add_train_command(app);
  ner::cli::add_eval_command(app);
  ner::cli::add_text_command(app);
  ner::cli::add_clusters_command(app);
  return read_program("newsdex-ner", app);
}

FieldNames field_names_of_table() {
  FieldNames names;
  for (const Field& f : fields()) {
    names.all.emplace_back(f.name);
    if (f.is_facet()) names.facets.emplace_back(f.name);
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen-docs TEMPLATE_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path templates = argv[1], out = argv[2];
  // Defaults that name the shipped data (newsdex-ner train --aliases) show the installed
  // place, not this build folder's.
  setenv("NEWSDEX_DATA_DIR", "PREFIX/share/newsdex", 1);
  try {
    const FieldNames fields = field_names_of_table();
    struct Page {
      Program program;
      const char* file;  // man page, as installed
    };
    const Page pages[] = {{newsdex_program(), "newsdex.1"},
                          {newsdexd_program(), "newsdexd.8"},
                          {ner_program(), "newsdex-ner.1"}};
    for (const Page& page : pages) {
      const std::string& name = page.program.name;
      const std::string file = page.file;
      const fs::path man = out / "man" / ("man" + file.substr(file.size() - 1)) / file;
      write_file(man, man_page(read_file(templates / (file + ".in")), page.program));
      write_file(out / "completions" / "bash" / name, bash_completion(page.program, fields));
      write_file(out / "completions" / "zsh" / ("_" + name), zsh_completion(page.program, fields));
      write_file(out / "completions" / "fish" / (name + ".fish"),
                 fish_completion(page.program, fields));
    }
    // The query language's page is prose alone (checked against the query builder by
    // tests/unit/query_page_test.cc).
    write_file(out / "man" / "man7" / "newsdex-query.7", read_file(templates / "newsdex-query.7"));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen-docs: %s\n", e.what());
    return 1;
  }
  return 0;
}
