// The subcommands of newsdex-ner, one file each. Each registers its options on the CLI11
// app and returns the function that runs it (which throws UsageError or
// std::runtime_error; main turns them into the one-line message and exit status).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <stdexcept>
#include <string>

namespace newsdex::ner::cli {

// A bad argument or an unreadable input file: exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Command = std::function<void()>;

Command add_tag_command(CLI::App& app);
Command add_train_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_text_command(CLI::App& app);
Command add_clusters_command(CLI::App& app);

}  // namespace newsdex::ner::cli
