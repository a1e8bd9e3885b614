// newsdex: search a newsdex database from a shell. grep's exit codes: 0 match, 1 none,
// 2 usage or query error, 3 database problem; errors are one line on stderr.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "commands.h"
#include "errors.h"
#include "index_database.h"
#include "printer.h"
#include "search_session.h"

namespace {

using namespace newsdex;

struct GlobalOptions {
  std::string db;
  std::string format = "text";
  bool null_separated = false;
  bool header = false;
  std::string color = "auto";
};

void add_global(CLI::App& cmd, GlobalOptions& g) {
  cmd.add_option("--db", g.db, "database folder (default: $NEWSDEX_DB, else ./newsdex.db)");
  cmd.add_option("--format", g.format, "output: text, json, jsonl, tsv or paths")
      ->check(CLI::IsMember({"text", "json", "jsonl", "tsv", "paths"}));
  cmd.add_flag("-0,--null", g.null_separated, "paths: end each path with NUL, for xargs -0");
  cmd.add_flag("--header", g.header, "tsv: print a header line first");
  cmd.add_option("--color", g.color, "highlight with ANSI bold: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_query(CLI::App& cmd, SearchOptions& o, std::vector<std::string>& words) {
  cmd.add_option("query", words, "query words, Xapian query syntax (see --help of search)");
  cmd.add_option("--filter", o.query.filters,
                 "FIELD:VALUE (person, place, org, source, section, year, month, day); "
                 "repeatable: one field ORs, different fields AND");
  cmd.add_flag("--filter-all", o.query.filter_all, "values of one filter field AND together");
  cmd.add_option("--since", o.query.since, "only articles dated on or after DATE (2018-04-01)");
  cmd.add_option("--until", o.query.until, "only articles dated on or before DATE");
  cmd.add_option("--since-rev", o.query.since_revision,
                 "only articles added or changed after database revision N (see stats)");
}

bool color_wanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && !std::strcmp(term, "dumb"));
}

}  // namespace

int main(int argc, char** argv) {
  GlobalOptions g;
  SearchOptions o;
  std::vector<std::string> words;
  std::string id, field;

  CLI::App app{
      "newsdex: search a folder of articles indexed by newsdexd.\n"
      "Exit status: 0 match, 1 no match, 2 usage or query error, 3 database problem."};
  app.set_version_flag("--version", "newsdex 0.1.0");
  app.require_subcommand(1);

  auto* search = app.add_subcommand("search", "ranked matches with snippets and facets");
  search->footer(
      "Query language (Xapian's): words (stemmed), \"exact phrase\", AND OR NOT, +must -not,\n"
      "a NEAR b, prefix*, title:word, person:\"Donald Trump\", place:Syria, org:NATO,\n"
      "source:Reuters, section:sport, year:2018, month:2018-04, date:2018-04-01..2018-04-30.\n"
      "Put -- before a query that starts with '-'.");
  add_global(*search, g);
  add_query(*search, o, words);
  search->add_option("-n,--limit", o.limit, "results to show (default 10)");
  search->add_option("--offset", o.offset, "skip this many results first");
  search->add_option("--facet", o.facets, "count FIELD values over all matches (person,place,...)")
      ->delimiter(',');
  search->add_option("--facet-limit", o.facet_limit, "values per facet (default 10)");
  search->add_option("--sort", o.sort, "relevance, date (oldest first) or -date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  search->add_option("--snippet-chars", o.snippet_chars, "snippet length in bytes (default 200)")
      ->check(CLI::Range(20, 100000));
  bool no_snippet = false;
  search->add_flag("--no-snippet", no_snippet, "no snippets (faster)");

  auto* count = app.add_subcommand("count", "print the exact number of matches");
  add_global(*count, g);
  add_query(*count, o, words);

  auto* facets = app.add_subcommand("facets", "top values of one facet over the matches");
  add_global(*facets, g);
  facets->add_option("field", field, "person, place, org, source, section, year or month")
      ->required();
  add_query(*facets, o, words);
  facets->add_option("--facet-limit,-n,--limit", o.facet_limit, "values to show (default 20)");
  facets->add_flag("--significant", o.significant,
                   "rank by how much more often a value occurs in the matches than overall");

  auto* show = app.add_subcommand("show", "one document: fields, entities, terms, text");
  add_global(*show, g);
  show->add_option("id", id, "document id (path below the corpus) or file path")->required();

  auto* similar = app.add_subcommand("similar", "documents like this one");
  add_global(*similar, g);
  similar->add_option("id", id, "document id (path below the corpus) or file path")->required();
  similar->add_option("-n,--limit", o.limit, "results to show (default 10)");

  auto* stats = app.add_subcommand("stats", "documents, revision, facet sizes, database size");
  add_global(*stats, g);
  auto* status = app.add_subcommand("status", "the indexing daemon's status file");
  add_global(*status, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return kExitUsage;
  }
  if (*facets && facets->count("--facet-limit") == 0) o.facet_limit = 20;
  o.snippets = !no_snippet;
  o.query.text = join_words(words);

  PrintOptions po;
  parse_format(g.format, po.format);
  po.color = po.format == OutputFormat::Text && color_wanted(g.color);
  po.null_separated = g.null_separated;
  po.header = g.header;
  const std::string db_path = resolve_db_path(g.db);

  // Output is buffered in full and written only on success, so an error leaves stdout
  // empty and a retry after a concurrent commit never prints twice.
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* mem = open_memstream(&buffer, &size);
  int code = kExitOk;
  try {
    if (*status) {
      auto printer = make_printer(po, mem);
      code = run_status(db_path, *printer);
    } else {
      SearchSession session(db_path);
      for (int attempt = 0;; ++attempt) {
        std::rewind(mem);
        auto printer = make_printer(po, mem);
        try {
          if (*search)
            code = run_search(session, o, *printer);
          else if (*count)
            code = run_count(session, o, *printer);
          else if (*facets)
            code = run_facets(session, field, o, *printer);
          else if (*show)
            code = run_show(session, id, *printer);
          else if (*similar)
            code = run_similar(session, id, o, *printer);
          else
            code = run_stats(session, *printer);
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          // newsdexd committed while we read: read the new revision and start over.
          if (attempt >= 10) throw;
          session.reopen();
        }
      }
    }
  } catch (const Error& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return e.code();
  } catch (const Xapian::DatabaseError& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s: %s\n", db_path.c_str(), e.get_description().c_str());
    return kExitDatabase;
  } catch (const Xapian::Error& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.get_description().c_str());
    return kExitDatabase;
  } catch (const std::exception& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return kExitDatabase;
  }
  std::fflush(mem);
  const long written = std::ftell(mem);
  std::fclose(mem);
  std::fwrite(buffer, 1, static_cast<std::size_t>(written), stdout);
  std::free(buffer);
  return code;
}
