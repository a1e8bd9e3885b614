// dot: newsdex graph in Graphviz's language, for `newsdex graph QUERY | dot -Tsvg`.
// An undirected graph: one node statement per entity (its name as label, its type and
// count as attributes, a colour per type, a size growing with its count), one edge
// statement per pair named together (its count as label, weight and pen width).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "search/printer_backends.h"

namespace newsdex {
namespace {

// A DOT quoted string: quotes and backslashes escaped, line breaks and other control
// characters as spaces (a name is one line).
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += ' ';
    else
      out += c;
  }
  return out + "\"";
}

const char* colour_of(const std::string& type) {
  if (type == "person") return "#fbb4ae";
  if (type == "place") return "#b3cde3";
  if (type == "misc") return "#decbe4";
  return "#ccebc5";
}

class DotPrinter : public Printer {
 public:
  explicit DotPrinter(std::FILE* out) : out_(out) {}

  void graph(const EntityGraph& g) override {
    if (g.matches == 0) return;  // no match: stdout stays empty
    std::string fields;
    for (const auto& f : g.fields) fields += (fields.empty() ? "" : ",") + f;
    std::fprintf(out_, "graph newsdex {\n");
    std::fprintf(out_, "  // newsdex graph --field %s: %llu matches of %s\n", fields.c_str(),
                 static_cast<unsigned long long>(g.matches), quoted(g.query).c_str());
    std::fprintf(out_,
                 "  graph [label=%s, overlap=false, splines=true, fontname=\"sans-serif\"];\n",
                 quoted(g.query.empty() ? "all articles" : g.query).c_str());
    std::fprintf(out_, "  node [style=filled, fontname=\"sans-serif\"];\n");
    std::uint64_t most = 1, strongest = 1;
    for (const auto& n : g.nodes) most = std::max(most, n.count);
    for (const auto& e : g.edges) strongest = std::max(strongest, e.count);
    for (const auto& n : g.nodes) {
      // Font size grows with the square root of the count: area follows the count.
      const double size = 10 + 14 * std::sqrt(static_cast<double>(n.count) / most);
      std::fprintf(out_, "  %s [label=%s, type=%s, count=%llu, fillcolor=\"%s\", fontsize=%.1f];\n",
                   quoted(n.id).c_str(), quoted(n.name).c_str(), quoted(n.type).c_str(),
                   static_cast<unsigned long long>(n.count), colour_of(n.type), size);
    }
    for (const auto& e : g.edges) {
      const double pen = 1 + 5 * static_cast<double>(e.count) / strongest;
      std::fprintf(out_, "  %s -- %s [count=%llu, weight=%llu, penwidth=%.2f, label=\"%llu\"];\n",
                   quoted(g.nodes[e.source].id).c_str(), quoted(g.nodes[e.target].id).c_str(),
                   static_cast<unsigned long long>(e.count),
                   static_cast<unsigned long long>(e.count), pen,
                   static_cast<unsigned long long>(e.count));
    }
    std::fprintf(out_, "}\n");
  }

  // Only newsdex graph offers --format dot.
  void search(const SearchPage&) override { unsupported(); }
  void count(std::uint64_t) override { unsupported(); }
  void facet(const Facet&) override { unsupported(); }
  void document(const DocumentView&) override { unsupported(); }
  void record(const Record&) override { unsupported(); }

 private:
  [[noreturn]] static void unsupported() {
    throw std::logic_error("--format dot is newsdex graph's only");
  }
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<Printer> make_dot_printer(std::FILE* out) {
  return std::make_unique<DotPrinter>(out);
}

}  // namespace newsdex
