// json: one object per command; jsonl: one object per line (results, facet values).
#include "search/printer_backends.h"
#include "search/utf8_bytes.h"

namespace newsdex {

namespace {

// What identifies an article, as hits and documents both show it: id, path, title,
// date, source.
void add_identity(nlohmann::ordered_json& j, const Hit& h) {
  j["id"] = h.id;
  j["path"] = h.path;
  // A file name that is not UTF-8: "id" and "path" carry it with U+FFFD (JSON holds
  // only text), "id_bytes" and "path_bytes" its exact bytes, base64-encoded.
  if (!is_valid_utf8(h.id)) j["id_bytes"] = base64(h.id);
  if (!is_valid_utf8(h.path)) j["path_bytes"] = base64(h.path);
  j["title"] = h.title;
  j["date"] = h.date;
  j["source"] = h.source;
}

nlohmann::ordered_json entities_json(const Hit& h) {
  return {{"person", h.entities.person}, {"place", h.entities.place}, {"org", h.entities.org}};
}

nlohmann::ordered_json hit_json(const Hit& h) {
  nlohmann::ordered_json j = {{"rank", h.rank}};
  add_identity(j, h);
  j["score"] = h.score;
  j["copies"] = h.copies;
  if (h.snippet) {
    j["snippet"] = *h.snippet;
    auto hl = nlohmann::ordered_json::array();
    for (const auto& [a, b] : h.highlights) hl.push_back({a, b});
    j["highlights"] = hl;
  } else {
    j["snippet"] = nullptr;
  }
  j["entities"] = entities_json(h);
  if (h.explanation) {
    auto parts = nlohmann::ordered_json::array();
    for (const auto& [term, weight] : *h.explanation)
      parts.push_back({{"term", term}, {"weight", weight}});
    j["explain"] = parts;
  }
  return j;
}

nlohmann::ordered_json facet_values_json(const Facet& f) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& v : f.values) {
    nlohmann::ordered_json e = {{"value", v.value}, {"count", v.count}};
    if (v.score != 0) e["score"] = v.score;
    arr.push_back(e);
  }
  return arr;
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json document_json(const DocumentView& d) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  add_identity(j, d.hit);
  j["entities"] = entities_json(d.hit);
  j["place"] = d.place;
  j["section"] = d.section;
  j["date_from_text"] = d.date_from_text;
  j["author"] = d.authors;
  j["topic"] = d.topics;
  j["url"] = d.url;
  j["language"] = d.language;
  j["words"] = d.word_count;
  j["terms"] = d.boolean_terms;
  j["body"] = d.body;
  return j;
}

class JsonPrinter : public Printer {
 public:
  JsonPrinter(std::FILE* out, bool lines, int version)
      : out_(out), lines_(lines), version_(version) {}

  void search(const SearchPage& p) override {
    if (lines_) {
      for (const auto& h : p.hits) line(hit_json(h));
      return;
    }
    nlohmann::ordered_json j = {{"query", p.query},
                                {"total", p.total},
                                {"total_is_exact", p.total_is_exact},
                                {"total_min", p.total_min},
                                {"total_max", p.total_max},
                                {"collapsed", p.collapsed},
                                {"total_articles", p.total_articles},
                                {"offset", p.offset}};
    auto results = nlohmann::ordered_json::array();
    for (const auto& h : p.hits) results.push_back(hit_json(h));
    j["results"] = results;
    auto facets = nlohmann::ordered_json::object();
    for (const auto& f : p.facets) facets[f.field] = facet_values_json(f);
    j["facets"] = facets;
    j["facet_counts"] = "articles";  // every copy of a story counted, collapsed or not
    j["suggestion"] = p.suggestion ? nlohmann::ordered_json(*p.suggestion) : nullptr;
    j["relaxed"] = p.relaxed;
    j["auto_corrected"] = p.auto_corrected;
    if (p.parsed_query) j["parsed_query"] = *p.parsed_query;
    line(j);
  }

  void count(std::uint64_t n) override { line({{"count", n}}); }

  void facet(const Facet& f) override {
    if (lines_) {
      for (const auto& v : f.values) {
        nlohmann::ordered_json e = {{"field", f.field}, {"value", v.value}, {"count", v.count}};
        if (v.score != 0) e["score"] = v.score;
        line(e);
      }
      return;
    }
    line({{"field", f.field},
          {"matches", f.matches},
          {"counts", "articles"},
          {"values", facet_values_json(f)}});
  }

  void document(const DocumentView& d) override { line(document_json(d)); }

  void record(const Record& r) override { line(r); }

  void graph(const EntityGraph& g) override {
    auto nodes = nlohmann::ordered_json::array();
    for (const auto& n : g.nodes)
      nodes.push_back({{"id", n.id}, {"type", n.type}, {"name", n.name}, {"count", n.count}});
    auto edges = nlohmann::ordered_json::array();
    for (const auto& e : g.edges)
      edges.push_back(
          {{"source", g.nodes[e.source].id}, {"target", g.nodes[e.target].id}, {"count", e.count}});
    line({{"query", g.query},
          {"matches", g.matches},
          {"fields", g.fields},
          {"nodes", nodes},
          {"edges", edges}});
  }

 private:
  void line(const nlohmann::ordered_json& j) {
    // "format_version" first, in every object, so that a reader of any line knows
    // what it reads.
    // Written in front of the object's text rather than copied into it: a copy of a
    // page of results was a tenth of a --batch query.
    const std::string s = dump(j);
    std::fprintf(out_, "{\"format_version\":%d%s", version_, s.size() > 2 ? "," : "");
    std::fwrite(s.data() + 1, 1, s.size() - 1, out_);
    std::fputc('\n', out_);
  }
  std::FILE* out_;
  bool lines_;
  int version_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::FILE* out, bool lines, int version) {
  return std::make_unique<JsonPrinter>(out, lines, version);
}

}  // namespace newsdex
