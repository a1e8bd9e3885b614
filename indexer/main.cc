// newsdexd: keeps a Xapian database in step with a corpus folder. `--once` reconciles
// and exits; without it, the daemon keeps watching (daemon.cc).
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "core/closest_match.h"
#include "core/errors.h"
#include "core/paths.h"
#include "indexer/indexer_app.h"
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
  IndexerOptions o;
  CLI::App app{
      "newsdexd: index a folder of articles into a Xapian database and keep it current.\n"
      "Without --once it reconciles, then watches the folder for changes."};
  app.set_version_flag("--version", "newsdexd 0.1.0");
  app.add_option("--corpus", o.corpus,
                 "corpus folder (default: $NEWSDEX_CORPUS, else the one the database was built "
                 "from, else ./corpus)");
  app.add_option("--db", o.db, "database folder (default: $NEWSDEX_DB, else ./newsdex.db)");
  app.add_option("--schema", o.schema,
                 "schema YAML (default: the one stored in the database, else schemas/news.yaml)");
  app.add_flag("--once", o.once, "reconcile the database with the folder, print a summary, exit");
  app.add_option("--workers", o.workers, "analysis threads (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--commit-every", o.commit_every, "commit after this many changed documents")
      ->check(CLI::Range(1u, 10000000u));
  app.add_option("--shard-size", o.shard_size,
                 "first build of an empty database: documents per shard (each worker writes "
                 "shards, merged at the end; default 500)")
      ->check(CLI::Range(1u, 100000000u));
  app.add_option("--commit-interval", o.commit_interval,
                 "in watch mode, commit pending changes after this many seconds")
      ->check(CLI::Range(0.0, 3600.0));
  app.add_option("--rescan-interval", o.rescan_interval,
                 "in watch mode, rescan the whole folder every this many seconds")
      ->check(CLI::Range(1.0, 1e7));
  app.add_option("--log", o.log_file, "append one timestamped line per event to FILE");
  app.add_option("--pidfile", o.pid_file, "write the daemon's pid to FILE");
  bool want_progress = false, quiet_flag = false;
  auto* progress = app.add_flag("--progress", want_progress,
                                "show a progress line (default: when stderr is a terminal)");
  auto* quiet = app.add_flag("--quiet", quiet_flag, "no progress line");
  progress->excludes(quiet);
  app.add_flag("--verbose", o.verbose, "report every file indexed, repaired or removed");
  app.add_flag("--follow-symlinks", o.follow_symlinks,
               "also index files that symbolic links lead to outside the corpus folder "
               "(for this run; the schema's files.follow_symlinks sets it for good)");
  app.add_flag("--corpus-moved", o.corpus_moved,
               "reconcile the database against --corpus although it was built from another "
               "folder (articles missing there are removed)");
  app.add_flag("--allow-empty", o.allow_empty,
               "let a corpus folder with no article remove every document (refused otherwise: "
               "the folder may be unmounted)");
  app.add_flag("--no-entities", o.no_entities, "do not extract people, places and organisations");

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
  o.progress = want_progress ? 1 : quiet_flag ? 0 : (isatty(STDERR_FILENO) ? 1 : 0);
  if (o.corpus.empty()) {
    // Else the folder recorded in the database, else ./corpus (run_indexer decides).
    const char* env = std::getenv("NEWSDEX_CORPUS");
    if (env && *env) o.corpus = env;
  }
  if (o.workers == 0) o.workers = std::max(1u, std::thread::hardware_concurrency());
  return run_indexer(o);
}
