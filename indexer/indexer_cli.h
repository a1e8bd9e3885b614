// newsdexd's command line, defined once: main.cc parses it, and tools/gen-docs walks the
// same definition to write newsdexd(8) and the shell completions, so none can drift.
#pragma once

#include <CLI/CLI.hpp>

#include "indexer/indexer_options.h"

namespace newsdex {

// What the definition binds besides IndexerOptions: --progress and --quiet, which main
// turns into IndexerOptions::progress once it knows whether stderr is a terminal.
struct IndexerFlags {
  IndexerOptions options;
  bool progress = false;
  bool quiet = false;
};

// The description ("newsdexd: index a folder...") and every flag, bound to `flags`.
void define_indexer_cli(CLI::App& app, IndexerFlags& flags);

}  // namespace newsdex
