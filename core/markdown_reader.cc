#include "core/markdown_reader.h"

#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/article_defaults.h"
#include "core/article_parser.h"
#include "core/date_value.h"
#include "core/language_code.h"

namespace newsdex {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---------------------------------------------------------------------------------
// Front matter

struct FrontMatter {
  enum Kind { kNone, kYaml, kToml, kUnclosed } kind = kNone;
  std::string_view text;     // between the fences
  std::size_t body_pos = 0;  // where the Markdown starts
};

// The line of `text` at `pos` without its line break, and where the next one starts.
std::string_view line_from(std::string_view text, std::size_t pos, std::size_t& next) {
  std::size_t nl = text.find('\n', pos);
  if (nl == std::string_view::npos) nl = text.size();
  next = std::min(nl + 1, text.size());
  return text.substr(pos, nl - pos);
}

bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line == fence;
}

FrontMatter split_front_matter(std::string_view text) {
  FrontMatter fm;
  std::size_t pos = 0;
  const std::string_view first = line_from(text, 0, pos);
  const bool yaml = is_fence(first, "---");
  if (!yaml && !is_fence(first, "+++")) return fm;
  const std::size_t start = pos;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const std::string_view line = line_from(text, pos, pos);
    if (yaml ? is_fence(line, "---") || is_fence(line, "...") : is_fence(line, "+++")) {
      fm.kind = yaml ? FrontMatter::kYaml : FrontMatter::kToml;
      fm.text = text.substr(start, line_start - start);
      fm.body_pos = pos;
      return fm;
    }
    if (line_start == pos) break;
  }
  fm.kind = FrontMatter::kUnclosed;
  return fm;
}

// A front-matter value as one text: a scalar; a map's name (author: {name: ...}); a
// list's first, looking at most kMaxListDepth lists deep. The limit is what stops a
// list that holds itself through an alias (title: &a [*a]): yaml-cpp builds it as a
// cycle, and following it would never end.
constexpr int kMaxListDepth = 2;
std::string yaml_text(const YAML::Node& node, int depth = 0) {
  if (!node || node.IsNull()) return {};
  if (node.IsScalar()) return std::string(trim(node.Scalar()));
  if (node.IsMap()) {
    for (const char* key : {"name", "title", "text", "value"})
      if (const YAML::Node v = node[key]; v && v.IsScalar()) return std::string(trim(v.Scalar()));
    return {};
  }
  if (node.IsSequence() && depth < kMaxListDepth)
    for (const auto& item : node)
      if (std::string t = yaml_text(item, depth + 1); !t.empty()) return t;
  return {};
}

// A front-matter value as several texts (tags, authors): a list's items, one level of
// nested lists too, or a scalar's comma-separated parts. At most kMaxValues, whatever
// aliases repeat, and no deeper than kMaxListDepth, whatever cycles they make.
constexpr std::size_t kMaxValues = 1000;

void yaml_texts(const YAML::Node& node, std::vector<std::string>& out, int depth = 0) {
  if (!node || node.IsNull() || out.size() >= kMaxValues) return;
  if (node.IsSequence()) {
    if (depth >= kMaxListDepth) return;
    for (const auto& item : node) yaml_texts(item, out, depth + 1);
    return;
  }
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    for (std::size_t start = 0; start <= s.size() && out.size() < kMaxValues;) {
      std::size_t comma = s.find(',', start);
      if (comma == std::string::npos) comma = s.size();
      const std::string_view part = trim(std::string_view(s).substr(start, comma - start));
      if (!part.empty()) out.emplace_back(part);
      start = comma + 1;
    }
    return;
  }
  if (std::string t = yaml_text(node); !t.empty()) out.push_back(std::move(t));
}

// The fields the front matter gives. Keys match in any case (Title:, title:), and the
// usual names of static-site generators and Pandoc are understood.
void read_front_matter(const YAML::Node& root, Article& a) {
  std::string date;
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = lower(entry.first.Scalar());
    const YAML::Node& v = entry.second;
    if (key == "title") {
      a.title = yaml_text(v);
    } else if (key == "date" || key == "published" || key == "pubdate" || key == "publishdate" ||
               key == "date_published" || key == "published_at" || key == "created") {
      if (date.empty()) date = parse_date_value(yaml_text(v));
    } else if (key == "tags" || key == "categories" || key == "category" || key == "keywords" ||
               key == "topics") {
      yaml_texts(v, a.topics);
    } else if (key == "taxonomies" && v.IsMap()) {  // Zola: taxonomies: {tags: [...]}
      for (const auto& t : v) yaml_texts(t.second, a.topics);
    } else if (key == "author" || key == "authors") {
      if (v.IsMap())
        a.authors.push_back(yaml_text(v));
      else
        yaml_texts(v, a.authors);
    } else if (key == "lang" || key == "language" || key == "locale") {
      a.language = iso639_1(yaml_text(v));
    } else if (key == "url" || key == "permalink" || key == "canonical_url" || key == "canonical" ||
               key == "link") {
      if (a.url.empty()) a.url = yaml_text(v);
    } else if (key == "source" || key == "publisher") {
      if (a.source.empty()) a.source = yaml_text(v);
    }
  }
  std::erase_if(a.authors, [](const std::string& s) { return s.empty(); });
  std::sort(a.topics.begin(), a.topics.end());
  a.topics.erase(std::unique(a.topics.begin(), a.topics.end()), a.topics.end());
  a.date = date;
}

// ---------------------------------------------------------------------------------
// Markdown to text

// Raw HTML inside Markdown without its tags, comments, scripts and styles, with the
// five character references HTML most needs decoded.
void append_html_text(std::string_view html, std::string& out) {
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      std::size_t end;
      const std::string head = lower(html.substr(i, 8));
      if (head.rfind("<!--", 0) == 0) {
        end = html.find("-->", i + 4);
        end = end == std::string_view::npos ? html.size() : end + 3;
      } else if (head.rfind("<script", 0) == 0 || head.rfind("<style", 0) == 0) {
        const std::string close = head[1] == 's' && head[2] == 'c' ? "</script" : "</style";
        const std::string rest = lower(html.substr(i));
        const std::size_t at = rest.find(close);
        end = at == std::string::npos ? html.size() : html.find('>', i + at);
        end = end == std::string_view::npos ? html.size() : end + 1;
      } else {
        end = html.find('>', i);
        end = end == std::string_view::npos ? html.size() : end + 1;
      }
      out += ' ';
      i = end;
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, char> kRefs[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (const auto& [ref, c] : kRefs)
        if (html.substr(i, ref.size()) == ref) {
          out += c;
          i += ref.size();
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += html[i++];
  }
}

struct Block {
  std::string text;
  int heading = 0;  // its level, 0: not a heading
};

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool is_text_block(cmark_node_type t) {
  return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_CODE_BLOCK ||
         t == CMARK_NODE_HTML_BLOCK;
}

// The document's leaf blocks in order, each as its text.
std::vector<Block> markdown_blocks(std::string_view markdown) {
  std::unique_ptr<cmark_node, NodeDeleter> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  std::vector<Block> blocks;
  if (!doc) return blocks;
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(doc.get()));
  Block* current = nullptr;
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (is_text_block(type)) {
      if (ev == CMARK_EVENT_EXIT) {
        current = nullptr;
        continue;
      }
      blocks.emplace_back();
      current = &blocks.back();
      if (type == CMARK_NODE_HEADING) current->heading = cmark_node_get_heading_level(node);
      if (type == CMARK_NODE_CODE_BLOCK) {
        if (const char* code = cmark_node_get_literal(node)) current->text = code;
        current = nullptr;  // a leaf: no EXIT event
      } else if (type == CMARK_NODE_HTML_BLOCK) {
        if (const char* html = cmark_node_get_literal(node)) append_html_text(html, current->text);
        current = nullptr;
      }
      continue;
    }
    if (!current || ev != CMARK_EVENT_ENTER) continue;
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(node)) current->text += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        current->text += '\n';
        break;
      case CMARK_NODE_HTML_INLINE:
        // A tag (<b>, <br/>): no words of its own; the text around it is the text.
        break;
      default:
        // Emphasis, links and images: their children are the text (link text, alt
        // text); the destination and title are not visited.
        break;
    }
  }
  for (auto& b : blocks) b.text = std::string(trim(b.text));
  std::erase_if(blocks, [](const Block& b) { return b.text.empty(); });
  return blocks;
}

}  // namespace

std::string markdown_to_text(std::string_view markdown, std::string* title) {
  std::vector<Block> blocks = markdown_blocks(markdown);
  if (title && !blocks.empty()) {
    auto heading = blocks.begin();
    if (!heading->heading)
      heading =
          std::find_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.heading == 1; });
    if (heading != blocks.end()) {
      *title = std::move(heading->text);
      blocks.erase(heading);
    }
  }
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

std::vector<FileArticle> MarkdownReader::read(std::string_view text, const std::string& relative,
                                              std::int64_t mtime) {
  std::vector<FileArticle> out(1);
  FileArticle& record = out.front();
  Article& a = record.article;
  a.path = relative;
  a.section = section_of(schema_, relative);
  const FrontMatter fm = split_front_matter(text);
  if (fm.kind == FrontMatter::kUnclosed) {
    record.line = 1;
    record.error = "front matter opened on line 1 is not closed by a '---' or '...' line";
    return out;
  }
  if (fm.kind == FrontMatter::kYaml) {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(fm.text));
    } catch (const YAML::Exception& e) {
      // yaml-cpp counts lines from 0 within the front matter, which starts on line 2.
      record.line = e.mark.is_null() ? 1 : static_cast<std::size_t>(e.mark.line) + 2;
      record.error = "front matter is not YAML: " + e.msg;
      return out;
    }
    if (root && !root.IsNull() && !root.IsMap()) {
      record.line = 2;
      record.error = "front matter is not a mapping of keys to values";
      return out;
    }
    if (root && root.IsMap()) read_front_matter(root, a);
  }
  // TOML front matter (+++) is left out of the text; its fields are not read.
  std::string heading;
  const std::string_view markdown = text.substr(fm.body_pos);
  a.body = markdown_to_text(markdown, a.title.empty() ? &heading : nullptr);
  if (a.title.empty()) a.title = std::move(heading);
  a.title = one_line(a.title);
  if (a.title.empty()) {
    // No heading: the first line is the title, as in a plain-text article.
    const std::size_t nl = a.body.find('\n');
    a.title = std::string(trim(std::string_view(a.body).substr(0, nl)));
    a.body = nl == std::string::npos ? std::string() : std::string(trim(a.body.substr(nl + 1)));
  }
  if (a.date.empty()) a.date = find_date(a.title);
  if (a.date.empty())
    a.date = find_date(std::string_view(a.body).substr(0, schema_.date_search_chars));
  apply_date_fallback(a, schema_, mtime);
  return out;
}

bool sniff_markdown(std::string_view head) {
  const FrontMatter fm = split_front_matter(head);
  if (fm.kind == FrontMatter::kToml) return fm.text.find('=') != std::string_view::npos;
  if (fm.kind != FrontMatter::kYaml) return false;
  // A key: a line "name: ..." (a thematic break followed by prose has none).
  for (std::size_t pos = 0; pos < fm.text.size();) {
    const std::string_view line = line_from(fm.text, pos, pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0 &&
        !std::isspace(static_cast<unsigned char>(line[0])) && line[0] != '#' &&
        (colon + 1 == line.size() || std::isspace(static_cast<unsigned char>(line[colon + 1]))))
      return true;
    if (pos == fm.text.size()) break;
  }
  return false;
}

}  // namespace newsdex
