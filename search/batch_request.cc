#include "search/batch_request.h"

#include <algorithm>
#include <limits>

#include "core/closest_match.h"
#include "core/errors.h"
#include "search/command_flags.h"

namespace newsdex {
namespace {

using json = nlohmann::json;

const std::vector<std::string>& keys_of(RequestKeys keys) {
  static const std::vector<std::string> common = {"query", "filter",    "filter_all", "since",
                                                  "until", "since_rev", "id"};
  static const std::vector<std::string> count = [] {
    auto k = common;
    k.push_back("no_collapse");
    return k;
  }();
  static const std::vector<std::string> search = [] {
    auto k = count;
    for (const char* s :
         {"limit", "offset", "facet", "facet_limit", "sort", "snippet_chars", "no_snippet"})
      k.push_back(s);
    return k;
  }();
  static const std::vector<std::string> facets = [] {
    auto k = common;
    for (const char* s : {"field", "limit", "significant"}) k.push_back(s);
    return k;
  }();
  switch (keys) {
    case RequestKeys::Search:
      return search;
    case RequestKeys::Facets:
      return facets;
    case RequestKeys::Count:
      break;
  }
  return count;
}

[[noreturn]] void wrong(const std::string& key, const std::string& what) {
  throw UsageError("request key '" + key + "' " + what);
}

std::string text(const std::string& key, const json& v) {
  if (!v.is_string()) wrong(key, "must be a string");
  return v.get<std::string>();
}

bool flag(const std::string& key, const json& v) {
  if (!v.is_boolean()) wrong(key, "must be true or false");
  return v.get<bool>();
}

std::uint64_t number(const std::string& key, const json& v, std::uint64_t max) {
  if (!v.is_number_unsigned() || v.get<std::uint64_t>() > max)
    wrong(key, "must be a whole number from 0 to " + std::to_string(max));
  return v.get<std::uint64_t>();
}

// A string, or an array of strings; each string is split at `delimiter` if given.
std::vector<std::string> texts(const std::string& key, const json& v, char delimiter = 0) {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    if (!delimiter) return out.push_back(s);
    std::size_t at = 0;
    for (;;) {
      const std::size_t end = s.find(delimiter, at);
      out.push_back(s.substr(at, end - at));
      if (end == std::string::npos) break;
      at = end + 1;
    }
  };
  if (v.is_string()) {
    add(v.get<std::string>());
  } else if (v.is_array()) {
    for (const auto& e : v) add(text(key, e));
  } else {
    wrong(key, "must be a string or an array of strings");
  }
  return out;
}

}  // namespace

json parse_request_line(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos || line[first] != '{') {
    std::string_view query = line;
    if (!query.empty() && query.back() == '\r') query.remove_suffix(1);  // CRLF files
    return json{{"query", std::string(query)}};
  }
  json request = json::parse(line.begin(), line.end(), nullptr, false);
  if (request.is_discarded() || !request.is_object())
    throw UsageError("a request line that starts with '{' must be one JSON object");
  return request;
}

void apply_request(const json& request, RequestKeys keys, SearchOptions& o, std::string* field) {
  const auto& allowed = keys_of(keys);
  for (const auto& [key, v] : request.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      const auto near = closest_match(key, allowed);
      throw UsageError("unknown request key '" + key + "'" +
                       (near ? "; did you mean '" + *near + "'?" : ""));
    }
    if (key == "id") continue;  // echoed, never read
    if (key == "query") {
      o.query.text = v.is_array() ? join_words(texts(key, v)) : text(key, v);
    } else if (key == "filter") {
      o.query.filters = texts(key, v);
    } else if (key == "filter_all") {
      o.query.filter_all = flag(key, v);
    } else if (key == "since") {
      o.query.since = text(key, v);
    } else if (key == "until") {
      o.query.until = text(key, v);
    } else if (key == "since_rev") {
      o.query.since_revision = number(key, v, std::numeric_limits<std::uint64_t>::max() - 1);
    } else if (key == "limit") {
      (keys == RequestKeys::Facets ? o.facet_limit : o.limit) = number(key, v, kMaxCount);
    } else if (key == "offset") {
      o.offset = number(key, v, kMaxCount);
    } else if (key == "facet") {
      o.facets = texts(key, v, ',');
    } else if (key == "facet_limit") {
      o.facet_limit = number(key, v, kMaxCount);
    } else if (key == "sort") {
      o.sort = text(key, v);
      if (o.sort != "relevance" && o.sort != "date" && o.sort != "-date")
        wrong(key, "must be relevance, date or -date");
    } else if (key == "snippet_chars") {
      o.snippet_chars = number(key, v, 100000);
      if (o.snippet_chars < 20) wrong(key, "must be from 20 to 100000");
    } else if (key == "no_snippet") {
      o.snippets = !flag(key, v);
    } else if (key == "no_collapse") {
      o.collapse = !flag(key, v);
    } else if (key == "significant") {
      o.significant = flag(key, v);
    } else if (key == "field" && field) {
      *field = text(key, v);
    }
  }
}

}  // namespace newsdex
