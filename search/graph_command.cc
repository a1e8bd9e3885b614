// newsdex graph QUERY: the co-occurrence of entities over the query's matches, as
// DOT (the default: `newsdex graph brexit | dot -Tsvg > brexit.svg`), JSON or text.
#include "core/errors.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/entity_graph.h"
#include "search/search_options.h"

namespace newsdex {
namespace {

class GraphCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    out.format = "dot";
    cmd.footer(
        "Draw it with Graphviz: newsdex graph brexit | dot -Tsvg > brexit.svg\n"
        "(or neato/sfdp for large graphs). JSON: {\"nodes\": [{\"id\", \"type\", "
        "\"name\", \"count\"}],\n\"edges\": [{\"source\", \"target\", \"count\"}]}, "
        "d3-force's shape.");
    add_output_flags(cmd, out, {"dot", "json", "text"});
    add_query_flags(cmd, query_, words_);
    cmd.add_option("--field", o_.fields, "entity fields to draw: person, place, org, misc")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->capture_default_str();
    cmd.add_option("-n,--limit", o_.limit, "nodes: the most named (0: all)")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
    cmd.add_option("--min-count", o_.min_count,
                   "leave out entities and pairs named in fewer matches")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
  }
  void check() override {
    query_.text = join_words(words_);
    check_graph_fields(o_.fields);
  }
  int run(const RunContext& c, Printer& out) override {
    const EntityGraph g = build_entity_graph(*c.session, query_, o_);
    out.graph(g);
    return g.matches ? kExitOk : kExitNoMatch;
  }

 private:
  GraphOptions o_;
  QueryRequest query_;
  std::vector<std::string> words_;
};

}  // namespace

std::unique_ptr<Command> make_graph_command() {
  return std::make_unique<GraphCommand>();
}

}  // namespace newsdex
