#include "core/stored_article.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <stdexcept>

#include "core/layout.h"

namespace newsdex {
namespace {

nlohmann::json names_json(const std::vector<NamedEntity>& names) {
  auto out = nlohmann::json::array();
  for (const auto& n : names) out.push_back(n.canonical);
  return out;
}

// Reads the header straight into an Article, event by event: building a JSON tree
// first was a tenth of a search's instructions. Unknown keys are skipped, so a newer
// indexer may add fields.
class HeaderReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit HeaderReader(Article& a) : a_(a) {}

  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool string(string_t& v) override {
    if (depth_ == 1) {
      if (std::string* field = text_field()) *field = std::move(v);
    } else if (depth_ == 2 && in_array_) {
      if (auto* list = name_list())
        list->push_back({std::move(v), {}});
      else if (auto* strings = string_list())
        strings->push_back(std::move(v));
    }
    return true;
  }
  bool boolean(bool v) override {
    if (depth_ == 1 && key_ == "date_from_text") a_.date_from_text = v;
    return true;
  }
  bool null() override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    ++depth_;
    in_array_ = false;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    in_array_ = true;
    return true;
  }
  bool end_array() override {
    --depth_;
    in_array_ = false;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  std::string* text_field() {
    if (key_ == "path") return &a_.path;
    if (key_ == "title") return &a_.title;
    if (key_ == "date") return &a_.date;
    if (key_ == "source") return &a_.source;
    if (key_ == "place") return &a_.dateline_place;
    if (key_ == "section") return &a_.section;
    if (key_ == "url") return &a_.url;
    if (key_ == "language") return &a_.language;
    return nullptr;
  }
  std::vector<std::string>* string_list() {
    if (key_ == "author") return &a_.authors;
    if (key_ == "topic") return &a_.topics;
    return nullptr;
  }
  std::vector<NamedEntity>* name_list() {
    if (key_ == "person") return &a_.people;
    if (key_ == "location") return &a_.places;
    if (key_ == "org") return &a_.orgs;
    if (key_ == "misc") return &a_.misc;
    return nullptr;
  }

  Article& a_;
  std::string key_;
  int depth_ = 0;
  bool in_array_ = false;
};

// The header as encode_article_header writes it, read without a JSON parser: an object
// of strings, booleans, numbers and arrays of strings, with no backslash anywhere (so
// no string holds an escape). Returns false, having perhaps filled part of `a`, for
// anything else: the full parser reads that. The parser was a tenth of a search.
bool read_plain_header(std::string_view h, Article& a) {
  if (h.find('\\') != std::string_view::npos) return false;
  std::size_t i = 0;
  auto at = [&](char c) { return i < h.size() && h[i] == c; };
  auto quoted = [&](std::string_view& out) {
    if (!at('"')) return false;
    const std::size_t end = h.find('"', i + 1);
    if (end == std::string_view::npos) return false;
    out = h.substr(i + 1, end - i - 1);
    i = end + 1;
    return true;
  };
  auto skip_word = [&](std::string_view w) {
    if (h.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  if (!at('{')) return false;
  ++i;
  if (at('}')) return i + 1 == h.size();
  for (;;) {
    std::string_view key, text;
    if (!quoted(key) || !at(':')) return false;
    ++i;
    if (at('"')) {
      if (!quoted(text)) return false;
      std::string* field = key == "path"       ? &a.path
                           : key == "title"    ? &a.title
                           : key == "date"     ? &a.date
                           : key == "source"   ? &a.source
                           : key == "place"    ? &a.dateline_place
                           : key == "section"  ? &a.section
                           : key == "url"      ? &a.url
                           : key == "language" ? &a.language
                                               : nullptr;
      if (field) field->assign(text);
    } else if (at('[')) {
      std::vector<NamedEntity>* names = key == "person"     ? &a.people
                                        : key == "location" ? &a.places
                                        : key == "org"      ? &a.orgs
                                        : key == "misc"     ? &a.misc
                                                            : nullptr;
      std::vector<std::string>* strings = key == "author"  ? &a.authors
                                          : key == "topic" ? &a.topics
                                                           : nullptr;
      ++i;
      if (!at(']')) {
        for (;;) {
          if (!quoted(text)) return false;
          if (names) names->push_back({std::string(text), {}});
          if (strings) strings->emplace_back(text);
          if (at(']')) break;
          if (!at(',')) return false;
          ++i;
        }
      }
      ++i;
    } else if (skip_word("true")) {
      if (key == "date_from_text") a.date_from_text = true;
    } else if (skip_word("false")) {
      if (key == "date_from_text") a.date_from_text = false;
    } else if (!skip_word("null")) {
      // A number: what a newer indexer may add; never read.
      const std::size_t end = h.find_first_not_of("0123456789+-.eE", i);
      if (end == i || end == std::string_view::npos) return false;
      i = end;
    }
    if (at('}')) return i + 1 == h.size();
    if (!at(',')) return false;
    ++i;
  }
}

}  // namespace

std::string encode_article_header(const Article& a) {
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
  // Written only when there are some: an article without them keeps as short a header.
  if (!a.misc.empty()) j["misc"] = names_json(a.misc);
  if (!a.authors.empty()) j["author"] = a.authors;
  if (!a.topics.empty()) j["topic"] = a.topics;
  if (!a.url.empty()) j["url"] = a.url;
  if (!a.language.empty()) j["language"] = a.language;
  // Invalid UTF-8 cannot reach here (repair_text), but never let a dump throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_article_header(std::string_view header) {
  Article a;
  if (!read_plain_header(header, a)) {
    a = Article();
    HeaderReader reader(a);
    if (header.empty() || header.front() != '{' ||
        !nlohmann::json::sax_parse(header, &reader, nlohmann::json::input_format_t::json))
      throw std::runtime_error("document data is not newsdex's");
  }
  return a;
}

void store_article(const Article& a, Xapian::Document& doc) {
  doc.add_value(layout::kHeaderSlot, encode_article_header(a));
  // The body raw, not JSON-escaped: the search CLI reads it for every snippet.
  doc.add_value(layout::kBodySlot, a.body);
}

Article load_article(const Xapian::Document& doc, bool with_body) {
  Article a = decode_article_header(doc.get_value(layout::kHeaderSlot));
  if (with_body) a.body = doc.get_value(layout::kBodySlot);
  return a;
}

std::uint64_t stored_content_hash(const Xapian::Document& doc) {
  // Header, a newline (no header holds one), body: as one text, hashed piece by piece.
  const std::uint64_t header = content_hash("\n", content_hash(doc.get_value(layout::kHeaderSlot)));
  return content_hash(doc.get_value(layout::kBodySlot), header);
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
  for_each_name_entry(
      slot, [&](std::string_view display, std::string_view) { out.emplace_back(display); });
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

std::uint64_t content_hash(std::string_view bytes, std::uint64_t h) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace newsdex
