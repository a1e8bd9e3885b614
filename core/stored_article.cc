#include "stored_article.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <stdexcept>

namespace newsdex {
namespace {

nlohmann::json names_json(const std::vector<NamedEntity>& names) {
  auto out = nlohmann::json::array();
  for (const auto& n : names) out.push_back(n.canonical);
  return out;
}

std::vector<NamedEntity> names_from(const nlohmann::json& j) {
  std::vector<NamedEntity> out;
  if (!j.is_array()) return out;
  for (const auto& v : j) out.push_back({v.get<std::string>(), {}});
  return out;
}

}  // namespace

std::string encode_document_data(const Article& a) {
  nlohmann::json j = {{"path", a.path},
                      {"title", a.title},
                      {"date", a.date},
                      {"date_from_text", a.date_from_text},
                      {"source", a.source},
                      {"place", a.dateline_place},
                      {"section", a.section},
                      {"person", names_json(a.people)},
                      {"location", names_json(a.places)},
                      {"org", names_json(a.orgs)}};
  // Invalid UTF-8 cannot reach here (repair_text), but never let a dump throw.
  // The body follows the one-line JSON header raw: the search CLI reads it for every
  // snippet, and JSON-unescaping kilobytes per hit was a fifth of a search's work.
  std::string data = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  data += '\n';
  data += a.body;
  return data;
}

Article decode_document_data(std::string_view data) {
  const auto newline = data.find('\n');
  const std::string_view header = data.substr(0, newline);
  auto j = nlohmann::json::parse(header, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw std::runtime_error("document data is not newsdex's");
  Article a;
  a.path = j.value("path", "");
  a.title = j.value("title", "");
  a.date = j.value("date", "");
  a.date_from_text = j.value("date_from_text", false);
  a.source = j.value("source", "");
  a.dateline_place = j.value("place", "");
  a.section = j.value("section", "");
  if (newline != std::string_view::npos) a.body = std::string(data.substr(newline + 1));
  if (j.contains("person")) a.people = names_from(j["person"]);
  if (j.contains("location")) a.places = names_from(j["location"]);
  if (j.contains("org")) a.orgs = names_from(j["org"]);
  return a;
}

std::string encode_name_list(const std::vector<NamedEntity>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += '\n';
    out += n.canonical;
    if (!n.key.empty()) {
      out += kNameKeySeparator;
      out += n.key;
    }
  }
  return out;
}

std::vector<std::string> decode_name_list(std::string_view slot) {
  std::vector<std::string> out;
  while (!slot.empty()) {
    auto nl = slot.find('\n');
    const std::string_view entry = slot.substr(0, nl);
    out.emplace_back(entry.substr(0, entry.find(kNameKeySeparator)));
    if (nl == std::string_view::npos) break;
    slot.remove_prefix(nl + 1);
  }
  return out;
}

std::string encode_fingerprint(const Fingerprint& f) {
  return std::to_string(f.size) + ":" + std::to_string(f.mtime_ns) + ":" +
         std::to_string(f.content_hash);
}

Fingerprint decode_fingerprint(std::string_view s) {
  Fingerprint f;
  auto c1 = s.find(':');
  auto c2 = c1 == std::string_view::npos ? c1 : s.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return {};
  auto parse = [](std::string_view t, auto& v) {
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
  };
  if (!parse(s.substr(0, c1), f.size) || !parse(s.substr(c1 + 1, c2 - c1 - 1), f.mtime_ns) ||
      !parse(s.substr(c2 + 1), f.content_hash))
    return {};
  return f;
}

std::uint64_t content_hash(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace newsdex
