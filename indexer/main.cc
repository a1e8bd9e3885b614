// newsdexd: keeps a Xapian database in step with a corpus folder. `--once` reconciles
// and exits; without it, the daemon keeps watching (daemon.cc).
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "core/closest_match.h"
#include "core/config_flags.h"
#include "core/errors.h"
#include "core/paths.h"
#include "indexer/indexer_app.h"
#include "indexer/indexer_cli.h"
#include "indexer/indexer_options.h"

namespace {

// A mistyped flag names the closest one (`--corpsu`: did you mean --corpus?), as
// newsdex does.
std::string unexpected_arguments(const CLI::App& app, const CLI::ExtrasError& e) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    for (const auto& n : o->get_snames()) names.push_back("-" + n);
  }
  for (const auto& arg : app.remaining()) {
    if (arg.size() < 2 || arg[0] != '-') continue;
    const std::string flag = arg.substr(0, arg.find('='));
    const bool short_flag = flag.size() == 2 && flag[1] != '-';  // one letter: no evidence
    const auto near = short_flag ? std::nullopt : newsdex::closest_match(flag, names);
    return "unknown flag '" + flag + "'" + (near ? "; did you mean " + *near + "?" : "");
  }
  return e.what();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsdex;
  IndexerFlags flags;
  CLI::App app;
  define_indexer_cli(app, flags);
  IndexerOptions& o = flags.options;
  try {
    apply_config_defaults(app, load_user_config());  // core/config.h
  } catch (const Error& e) {
    std::fprintf(stderr, "newsdexd: %s\n", e.what());
    return e.code();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::fprintf(stderr, "newsdexd: %s\n", unexpected_arguments(app, e).c_str());
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsdexd: %s\n", e.what());
    return kExitUsage;
  }
  o.progress = flags.progress ? 1 : flags.quiet ? 0 : (isatty(STDERR_FILENO) ? 1 : 0);
  if (o.corpus.empty()) {
    // Else the folder recorded in the database, else ./corpus (run_indexer decides).
    const char* env = std::getenv("NEWSDEX_CORPUS");
    if (env && *env) o.corpus = env;
  }
  if (o.workers == 0) o.workers = std::max(1u, std::thread::hardware_concurrency());
  return run_indexer(o);
}
