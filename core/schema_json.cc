#include "core/schema_json.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace newsdex {

std::string schema_to_json(const Schema& s) {
  nlohmann::json j = {
      {"name", s.name},
      {"language", s.language},
      {"include", s.include_globs},
      {"exclude", s.exclude_globs},
      {"format", s.format},
      {"format_globs", s.format_globs},
      {"format_options", s.format_options},
      {"max_file_bytes", s.max_file_bytes},
      {"follow_outside_links", s.follow_outside_links},
      {"fields_off", s.fields_off},
      {"fields_from_data", s.fields_from_data},
      {"title_weight", s.title_weight},
      {"body_weight", s.body_weight},
      {"dateline_pattern", s.dateline_pattern},
      {"date_search_chars", s.date_search_chars},
      {"date_from_mtime", s.date_from_mtime},
      {"section_from_folder", s.section_from_folder},
      {"bm25", {s.bm25.k1, s.bm25.k2, s.bm25.k3, s.bm25.b, s.bm25.min_normlen, s.bm25.delta}},
      {"source_text", s.source_text},
      {"source_path", s.source_path}};
  return j.dump();
}

Schema schema_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error("stored schema is not JSON");
  try {
    Schema s;
    s.name = j.at("name");
    s.language = j.at("language");
    s.include_globs = j.at("include").get<std::vector<std::string>>();
    s.exclude_globs = j.at("exclude").get<std::vector<std::string>>();
    s.format = j.value("format", std::string("text"));  // stored before formats were named
    s.format_globs = j.value("format_globs", std::vector<std::pair<std::string, std::string>>{});
    s.format_options = j.value("format_options", std::map<std::string, std::string>{});
    s.max_file_bytes = j.at("max_file_bytes");
    s.follow_outside_links = j.value("follow_outside_links", false);
    s.fields_off = j.value("fields_off", std::vector<std::string>{});
    s.fields_from_data = j.value("fields_from_data", std::vector<std::string>{});
    s.title_weight = j.at("title_weight");
    s.body_weight = j.at("body_weight");
    s.dateline_pattern = j.at("dateline_pattern");
    s.date_search_chars = j.at("date_search_chars");
    s.date_from_mtime = j.at("date_from_mtime");
    s.section_from_folder = j.at("section_from_folder");
    const auto& bm = j.at("bm25");
    // A database written before BM25+ stored five numbers: its delta is 0.
    s.bm25 = {bm.at(0), bm.at(1), bm.at(2),
              bm.at(3), bm.at(4), bm.size() > 5 ? double(bm.at(5)) : 0.0};
    s.source_text = j.at("source_text");
    s.source_path = j.at("source_path");
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored schema: ") + e.what());
  }
}

}  // namespace newsdex
