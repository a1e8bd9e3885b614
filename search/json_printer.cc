// json: one object per command; jsonl: one object per line (results, facet values).
#include "search/json_text.h"
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
  return {{"person", h.entities.person},
          {"place", h.entities.place},
          {"org", h.entities.org},
          {"misc", h.entities.misc}};
}

void append_names(std::string& t, const char* key, const std::vector<std::string>& names) {
  t += key;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) t += ',';
    append_json_string(t, names[i]);
  }
  t += ']';
}

// hit_json's members as text (json_text.h), without the braces.
void append_hit_fields(std::string& t, const Hit& h) {
  t += "\"rank\":";
  append_json_number(t, h.rank);
  t += ",\"id\":";
  append_json_string(t, h.id);
  t += ",\"path\":";
  append_json_string(t, h.path);
  if (!is_valid_utf8(h.id)) {
    t += ",\"id_bytes\":";
    append_json_string(t, base64(h.id));
  }
  if (!is_valid_utf8(h.path)) {
    t += ",\"path_bytes\":";
    append_json_string(t, base64(h.path));
  }
  t += ",\"title\":";
  append_json_string(t, h.title);
  t += ",\"date\":";
  append_json_string(t, h.date);
  t += ",\"source\":";
  append_json_string(t, h.source);
  t += ",\"score\":";
  append_json_number(t, h.score);
  t += ",\"copies\":";
  append_json_number(t, h.copies);
  t += ",\"snippet\":";
  if (h.snippet) {
    append_json_string(t, *h.snippet);
    t += ",\"highlights\":[";
    for (std::size_t i = 0; i < h.highlights.size(); ++i) {
      t += i ? ",[" : "[";
      append_json_number(t, std::uint64_t{h.highlights[i].first});
      t += ',';
      append_json_number(t, std::uint64_t{h.highlights[i].second});
      t += ']';
    }
    t += ']';
  } else {
    t += "null";
  }
  append_names(t, ",\"entities\":{\"person\":[", h.entities.person);
  append_names(t, ",\"place\":[", h.entities.place);
  append_names(t, ",\"org\":[", h.entities.org);
  append_names(t, ",\"misc\":[", h.entities.misc);
  t += '}';
  if (h.explanation) {
    t += ",\"explain\":[";
    for (std::size_t i = 0; i < h.explanation->size(); ++i) {
      t += i ? ",{\"term\":" : "{\"term\":";
      append_json_string(t, (*h.explanation)[i].first);
      t += ",\"weight\":";
      append_json_number(t, (*h.explanation)[i].second);
      t += '}';
    }
    t += ']';
  }
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
      for (const auto& h : p.hits) {
        text_.clear();
        append_hit_fields(text_, h);
        object_line();
      }
      return;
    }
    // Written as text, not built as an nlohmann object (json_text.h); the same bytes.
    text_.clear();
    std::string& t = text_;
    t += "\"query\":";
    append_json_string(t, p.query);
    t += ",\"total\":";
    append_json_number(t, p.total);
    t += ",\"total_is_exact\":";
    t += p.total_is_exact ? "true" : "false";
    t += ",\"total_min\":";
    append_json_number(t, p.total_min);
    t += ",\"total_max\":";
    append_json_number(t, p.total_max);
    t += ",\"collapsed\":";
    t += p.collapsed ? "true" : "false";
    t += ",\"total_articles\":";
    append_json_number(t, p.total_articles);
    t += ",\"offset\":";
    append_json_number(t, p.offset);
    t += ",\"results\":[";
    for (std::size_t i = 0; i < p.hits.size(); ++i) {
      t += i ? ",{" : "{";
      append_hit_fields(t, p.hits[i]);
      t += '}';
    }
    t += "],\"facets\":{";
    // As an object keyed by field: a field asked for twice is there once, where it
    // was first asked for, with its last values.
    bool first = true;
    for (std::size_t i = 0; i < p.facets.size(); ++i) {
      const Facet* f = &p.facets[i];
      bool seen = false;
      for (std::size_t k = 0; k < i && !seen; ++k) seen = p.facets[k].field == f->field;
      if (seen) continue;
      for (std::size_t k = i + 1; k < p.facets.size(); ++k)
        if (p.facets[k].field == f->field) f = &p.facets[k];
      if (!first) t += ',';
      first = false;
      append_json_string(t, f->field);
      t += ":[";
      for (std::size_t v = 0; v < f->values.size(); ++v) {
        const FacetValue& value = f->values[v];
        t += v ? ",{\"value\":" : "{\"value\":";
        append_json_string(t, value.value);
        t += ",\"count\":";
        append_json_number(t, value.count);
        if (value.score != 0) {
          t += ",\"score\":";
          append_json_number(t, value.score);
        }
        t += '}';
      }
      t += ']';
    }
    t += "},\"facet_counts\":\"articles\",\"suggestion\":";  // every copy counted
    if (p.suggestion)
      append_json_string(t, *p.suggestion);
    else
      t += "null";
    t += ",\"relaxed\":";
    t += p.relaxed ? "true" : "false";
    t += ",\"auto_corrected\":";
    t += p.auto_corrected ? "true" : "false";
    if (p.parsed_query) {
      t += ",\"parsed_query\":";
      append_json_string(t, *p.parsed_query);
    }
    object_line();
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
  // text_ holds an object's members, without braces: written as one line.
  void object_line() {
    std::fprintf(out_, "{\"format_version\":%d%s", version_, text_.empty() ? "" : ",");
    std::fwrite(text_.data(), 1, text_.size(), out_);
    std::fputs("}\n", out_);
  }
  std::FILE* out_;
  bool lines_;
  int version_;
  std::string text_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::FILE* out, bool lines, int version) {
  return std::make_unique<JsonPrinter>(out, lines, version);
}

}  // namespace newsdex
