// newsdex graph: who appears with whom. Over every match of a query, each entity
// (person, place, org) is a node counted by the matches that name it, and two entities
// named by the same article are joined by an edge counted by the matches that name
// both. The printers write it as DOT for Graphviz, as JSON for a browser (d3's
// nodes-and-links shape), or as text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "search/query_builder.h"
#include "search/search_session.h"

namespace newsdex {

struct GraphNode {
  std::string id;           // "person:Donald Trump": field and name, unique in the graph
  std::string type;         // the field: person, place, org or misc
  std::string name;         // the canonical name
  std::uint64_t count = 0;  // matches naming it
};

struct GraphEdge {
  std::size_t source = 0, target = 0;  // indexes into nodes, source < target
  std::uint64_t count = 0;             // matches naming both
};

struct EntityGraph {
  std::string query;
  std::uint64_t matches = 0;
  std::vector<std::string> fields;
  std::vector<GraphNode> nodes;  // by count, most named first (ties by id)
  std::vector<GraphEdge> edges;  // by count, then by their nodes' order
};

struct GraphOptions {
  std::vector<std::string> fields = {"person", "place", "org"};
  std::size_t limit = 40;       // nodes kept: the most named (0: all)
  std::uint64_t min_count = 2;  // nodes and edges in fewer matches are left out
};

// The entity fields a graph can draw: person, place, org, misc. Throws UsageError for others.
void check_graph_fields(const std::vector<std::string>& fields);

// Builds the graph of the matches of `request`.
EntityGraph build_entity_graph(SearchSession& s, const QueryRequest& request,
                               const GraphOptions& options);

}  // namespace newsdex
