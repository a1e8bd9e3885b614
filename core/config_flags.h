// Applies the configuration file's defaults (core/config.h) to a CLI11 command before it
// parses: each key the file sets becomes the default of its flag, so a flag given on
// the command line still wins, --help shows the default in force, and a value the
// command does not offer (format = jsonl for `count`) leaves the built-in default.
// Header-only: core does not link CLI11, the programs that include this do.
#pragma once

#include <CLI/CLI.hpp>

#include "core/config.h"

namespace newsdex {

inline void apply_config_defaults(CLI::App& cmd, const UserConfig& config) {
  for (const auto& [flag, value] : config_flag_defaults(config)) {
    CLI::Option* option = cmd.get_option_no_throw(flag);
    if (!option) continue;
    try {
      // Sets the bound variable too (checked first), not only the text --help shows.
      option->run_callback_for_default();
      option->default_val(value);
    } catch (const CLI::Error&) {
      // Not a value this command takes: its own default stands.
    }
  }
}

}  // namespace newsdex
