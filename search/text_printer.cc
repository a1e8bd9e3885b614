// text: for people at a terminal. Highlights in ANSI bold with colour, else [brackets].
// Whatever comes from the files (names, titles, words) goes out through
// escape_for_terminal, on a terminal or not: the output of a pipe often ends up on one.
#include "search/chart.h"
#include "search/printer_backends.h"
#include "search/terminal_escape.h"

namespace newsdex {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

class TextPrinter : public Printer {
 public:
  TextPrinter(std::FILE* out, const PrintOptions& o)
      : out_(out), color_(o.color), chart_(o.chart), chart_style_{o.chart_blocks, o.columns} {}

  void search(const SearchPage& p) override {
    if (p.total == 0 && p.hits.empty()) return;  // no match: stdout stays empty
    if (p.parsed_query)
      std::fprintf(out_, "query: %s\n\n", escape_for_terminal(*p.parsed_query).c_str());
    for (const auto& h : p.hits) {
      std::fprintf(
          out_, "%s%llu. %s%s\n", color_ ? kBold : "", static_cast<unsigned long long>(h.rank),
          escape_for_terminal(h.title.empty() ? h.id : h.title).c_str(), color_ ? kReset : "");
      std::string meta = escape_for_terminal(h.path);
      if (!h.date.empty()) meta += "  " + escape_for_terminal(h.date);
      if (!h.source.empty()) meta += "  " + escape_for_terminal(h.source);
      char score[32];
      std::snprintf(score, sizeof score, "  score %.3f", h.score);
      meta += score;
      if (h.copies)
        meta += "  +" + std::to_string(h.copies) + (h.copies == 1 ? " copy" : " copies");
      std::fprintf(out_, "   %s%s%s\n", color_ ? kDim : "", meta.c_str(), color_ ? kReset : "");
      if (h.snippet && !h.snippet->empty()) {
        std::fputs("   ", out_);
        highlighted(*h.snippet, h.highlights);
        std::fputc('\n', out_);
      }
      if (h.explanation) {
        std::string parts;
        double sum = 0;
        for (const auto& [term, weight] : *h.explanation) {
          char w[48];
          std::snprintf(w, sizeof w, " %.3f", weight);
          parts += (parts.empty() ? "" : ", ") + escape_for_terminal(term) + w;
          sum += weight;
        }
        char rest[64];
        std::snprintf(rest, sizeof rest, "%sother (recency, centrality) %.3f",
                      parts.empty() ? "" : ", ", h.score - sum);
        std::fprintf(out_, "   explain: %s%s\n", parts.c_str(), h.score - sum > 0.0005 ? rest : "");
      }
      std::fputc('\n', out_);
    }
    if (p.total_is_exact)
      std::fprintf(out_, "%s%llu match%s", color_ ? kDim : "",
                   static_cast<unsigned long long>(p.total), p.total == 1 ? "" : "es");
    else
      std::fprintf(out_, "%sabout %llu matches (%llu to %llu)", color_ ? kDim : "",
                   static_cast<unsigned long long>(p.total),
                   static_cast<unsigned long long>(p.total_min),
                   static_cast<unsigned long long>(p.total_max));
    // Stories, when copies were folded in: say how many articles they hold.
    if (p.collapsed && p.total_articles != p.total)
      std::fprintf(out_, " (stories; %s%llu articles)", p.total_articles_is_exact ? "" : "about ",
                   static_cast<unsigned long long>(p.total_articles));
    if (!p.hits.empty())
      std::fprintf(out_, ", showing %llu-%llu",
                   static_cast<unsigned long long>(p.hits.front().rank),
                   static_cast<unsigned long long>(p.hits.back().rank));
    std::fprintf(out_, "%s\n", color_ ? kReset : "");
    if (p.suggestion)
      std::fprintf(out_, "Did you mean: %s?\n", escape_for_terminal(*p.suggestion).c_str());
    for (const auto& f : p.facets) {
      std::fputc('\n', out_);
      facet_table(f);
    }
  }

  void count(std::uint64_t n) override {
    std::fprintf(out_, "%llu\n", static_cast<unsigned long long>(n));
  }

  void facet(const Facet& f) override {
    if (f.matches == 0 && f.values.empty()) return;  // no match: stdout stays empty
    facet_table(f);
  }

  void facet_table(const Facet& f) {
    // Counts are of articles, every copy of a story counted (Xapian's match spies see
    // the matches before they collapse): the header says so.
    std::fprintf(out_, "%s%s%s (articles)\n", color_ ? kBold : "",
                 escape_for_terminal(f.field).c_str(), color_ ? kReset : "");
    if (chart_) {
      const std::string chart = bar_chart(f, chart_style_);
      std::fwrite(chart.data(), 1, chart.size(), out_);
      return;
    }
    for (const auto& v : f.values) {
      const std::string value = escape_for_terminal(v.value);
      if (v.score != 0)
        std::fprintf(out_, "  %7llu  %7.2f  %s\n", static_cast<unsigned long long>(v.count),
                     v.score, value.c_str());
      else
        std::fprintf(out_, "  %7llu  %s\n", static_cast<unsigned long long>(v.count),
                     value.c_str());
    }
  }

  void graph(const EntityGraph& g) override {
    if (g.matches == 0) return;  // no match: stdout stays empty
    std::fprintf(out_, "%snodes%s\n", color_ ? kBold : "", color_ ? kReset : "");
    for (const auto& n : g.nodes)
      std::fprintf(out_, "  %7llu  %-6s %s\n", static_cast<unsigned long long>(n.count),
                   n.type.c_str(), escape_for_terminal(n.name).c_str());
    std::fprintf(out_, "\n%sedges%s\n", color_ ? kBold : "", color_ ? kReset : "");
    for (const auto& e : g.edges)
      std::fprintf(out_, "  %7llu  %s -- %s\n", static_cast<unsigned long long>(e.count),
                   escape_for_terminal(g.nodes[e.source].name).c_str(),
                   escape_for_terminal(g.nodes[e.target].name).c_str());
  }

  void document(const DocumentView& d) override {
    const Hit& h = d.hit;
    field("id", h.id);
    field("path", h.path);
    field("title", h.title);
    field("date", h.date + (d.date_from_text || h.date.empty() ? "" : " (file time)"));
    field("source", h.source);
    field("dateline", d.place);
    field("section", d.section);
    field("author", join(d.authors));
    field("topics", join(d.topics));
    field("url", d.url);
    field("language", d.language);
    field("person", join(h.entities.person));
    field("places", join(h.entities.place));
    field("org", join(h.entities.org));
    field("misc", join(h.entities.misc));
    field("words", std::to_string(d.word_count));
    field("terms", join(d.boolean_terms));
    std::fputc('\n', out_);
    std::fputs(escape_for_terminal(d.body, true).c_str(), out_);
    std::fputc('\n', out_);
  }

  void record(const Record& r) override {
    // The status file names failed files: their names are escaped too.
    auto text = [](const Record& v) {
      return escape_for_terminal(v.is_string()
                                     ? v.get<std::string>()
                                     : v.dump(-1, ' ', false, Record::error_handler_t::replace));
    };
    for (const auto& [key, value] : r.items()) {
      const std::string label = escape_for_terminal(key) + ":";
      if (value.is_object()) {
        std::fprintf(out_, "%s\n", label.c_str());
        for (const auto& [k, v] : value.items())
          std::fprintf(out_, "  %-14s %s\n", (escape_for_terminal(k) + ":").c_str(),
                       text(v).c_str());
      } else if (value.is_array()) {
        std::fprintf(out_, "%s\n", label.c_str());
        for (const auto& v : value) std::fprintf(out_, "  %s\n", text(v).c_str());
      } else {
        std::fprintf(out_, "%-16s %s\n", label.c_str(), text(value).c_str());
      }
    }
  }

 private:
  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
  }

  void field(const char* name, const std::string& value) {
    if (value.empty()) return;
    std::fprintf(out_, "%-8s %s\n", (std::string(name) + ":").c_str(),
                 escape_for_terminal(value).c_str());
  }

  void highlighted(std::string_view text,
                   const std::vector<std::pair<std::size_t, std::size_t>>& hl) {
    std::size_t at = 0;
    for (const auto& [a, b] : hl) {
      if (a < at || b > text.size() || a > b) continue;
      put_escaped(text.substr(at, a - at));
      std::fputs(color_ ? kBold : "[", out_);
      put_escaped(text.substr(a, b - a));
      std::fputs(color_ ? kReset : "]", out_);
      at = b;
    }
    put_escaped(text.substr(at));
  }

  void put_escaped(std::string_view text) {
    const std::string s = escape_for_terminal(text);
    std::fwrite(s.data(), 1, s.size(), out_);
  }

  std::FILE* out_;
  bool color_;
  bool chart_;
  ChartStyle chart_style_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::FILE* out, const PrintOptions& o) {
  return std::make_unique<TextPrinter>(out, o);
}

}  // namespace newsdex
