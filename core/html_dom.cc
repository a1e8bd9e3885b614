#include "core/html_dom.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace newsdex::html {

Document::Document(std::string_view html) : Document(html, false) {}

Document Document::fragment(std::string_view html) {
  return Document(html, true);
}

namespace {

// Gumbo takes time quadratic in how deeply elements nest (each start tag looks through
// the stack of open elements) and in the attributes of one tag (each is checked against
// the others for duplicates): 200,000 nested <div>s or one tag of 100,000 attributes
// take minutes. No page a person reads nests thousands deep, so such markup is read
// flattened: only the tags that structure text are kept, each at most a few hundred
// bytes long, and the rest of the markup removed. The text is all still there.
constexpr int kMaxDepth = 2000;
constexpr std::size_t kMaxTagBytes = 16384;

bool lower_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

bool is_any_tag(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (lower_equal(name, n)) return true;
  return false;
}

// Elements that close themselves or that the parser closes implicitly, which do not
// make the stack deeper.
bool never_nests(std::string_view name) {
  return is_any_tag(name, {"area",  "base", "br",   "col",    "embed", "hr",  "img",
                           "input", "link", "meta", "source", "track", "wbr", "p",
                           "li",    "dt",   "dd",   "option", "tr",    "td",  "th"});
}

// The tags a flattened page keeps: those that make paragraphs and hold metadata.
bool kept_when_flat(std::string_view name) {
  return is_any_tag(name, {"html",  "head", "body", "title", "meta",    "link", "script",
                           "style", "p",    "br",   "h1",    "h2",      "h3",   "h4",
                           "h5",    "h6",   "li",   "time",  "article", "main"});
}

struct Tag {
  std::size_t end = 0;  // one past its '>' (or the text's end)
  std::string_view name;
  bool closing = false, self_closing = false;
};

// The tag starting at text[at] == '<' followed by a letter or '/'.
Tag read_tag(std::string_view text, std::size_t at) {
  Tag tag;
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-'))
    ++i;
  tag.name = text.substr(name_start, i - name_start);
  char quote = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.self_closing = i > 0 && text[i - 1] == '/';
      tag.end = i + 1;
      return tag;
    }
  }
  tag.end = text.size();
  return tag;
}

bool is_tag_start(std::string_view text, std::size_t i) {
  return text[i] == '<' && i + 1 < text.size() &&
         (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/');
}

// Whether the markup nests deeper, or has a longer tag, than Gumbo reads in good time.
bool needs_flattening(std::string_view text) {
  int depth = 0;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (!is_tag_start(text, i)) continue;
    const Tag tag = read_tag(text, i);
    if (tag.end - i > kMaxTagBytes) return true;
    if (!tag.name.empty() && !tag.self_closing && !never_nests(tag.name)) {
      depth += tag.closing ? -1 : 1;
      if (depth < 0) depth = 0;
      if (depth > kMaxDepth) return true;
    }
    i = tag.end - 1;
  }
  return false;
}

std::string flatten(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i)) {
    if (!is_tag_start(text, i)) {
      ++i;
      continue;
    }
    const Tag tag = read_tag(text, i);
    out.append(text, copied, i - copied);
    if (kept_when_flat(tag.name)) {
      if (tag.end - i <= 512) {
        out.append(text, i, tag.end - i);
      } else {  // the name alone
        out += tag.closing ? "</" : "<";
        out.append(tag.name);
        out += '>';
      }
    } else {
      out += ' ';  // where a tag was, words stay apart
    }
    copied = i = tag.end;
  }
  out.append(text, copied, std::string_view::npos);
  return out;
}

// Gumbo (0.10) adds up the digits of a numeric character reference in an int without a
// bound, so "&#x201CCCCCCCCCC;" overflows into a negative code point that it writes as
// bytes no UTF-8 decoder accepts. HTML says a reference beyond U+10FFFF is U+FFFD, so
// such references are rewritten to "&#xFFFD" before Gumbo sees them.
void cap_numeric_references(std::string& text) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = text.find("&#"); i != std::string::npos; i = text.find("&#", i)) {
    std::size_t j = i + 2;
    const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    if (hex) ++j;
    const std::size_t digits = j;
    std::uint32_t value = 0;
    bool too_big = false;
    for (; j < text.size(); ++j) {
      const auto c = static_cast<unsigned char>(text[j]);
      int digit;
      if (std::isdigit(c))
        digit = c - '0';
      else if (hex && std::isxdigit(c))
        digit = std::tolower(c) - 'a' + 10;
      else
        break;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (value > 0x10FFFF) too_big = true, value = 0x110000;
    }
    if (too_big) {
      out.append(text, copied, i - copied);
      out += "&#xFFFD";
      copied = j;
    }
    i = j > digits ? j : i + 2;
  }
  if (copied == 0) return;
  out.append(text, copied, std::string::npos);
  text = std::move(out);
}

}  // namespace

Document::Document(std::string_view html, bool fragment)
    : text_(needs_flattening(html) ? flatten(html) : std::string(html)) {
  cap_numeric_references(text_);
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are not reported to anyone: recording them only costs time and memory.
  options.max_errors = 0;
  if (fragment) {
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  }
  output_ = gumbo_parse_with_options(&options, text_.data(), text_.size());
}

Document::Document(Document&& other) noexcept
    : text_(std::move(other.text_)), output_(std::exchange(other.output_, nullptr)) {}

Document::~Document() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

bool is_element(const GumboNode* node) {
  return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

std::string_view tag_name(const GumboNode* node) {
  if (!is_element(node)) return {};
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  // An unknown tag's name is only in the source: "<amp-img src=...>" -> "amp-img", as
  // written (Gumbo lowercases only the names it knows).
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string_view name(piece.data, piece.length);
  const auto end = name.find_first_of(" \t\n\r\f/>");
  return name.substr(0, end);
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found ? std::string_view(found->value) : std::string_view();
}

bool has_attribute(const GumboNode* node, const char* name) {
  return is_element(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

bool is_never_text(const GumboNode* node) {
  if (!is_element(node)) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:  // parsed as raw markup when scripting is on, as Gumbo does
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool is_block(const GumboNode* node) {
  if (!is_element(node)) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

namespace {

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (is_element(node)) return &node->v.element.children;
  return nullptr;
}

}  // namespace

void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
          const std::function<void(const GumboNode*)>& leave) {
  if (!root) return;
  // Each frame: a node whose children are being visited, and the next child's index.
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  if (!enter(root) || !children_of(root)) return;
  stack.emplace_back(root, 0);
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector& children = *children_of(node);
    if (next >= children.length) {
      const GumboNode* done = node;
      stack.pop_back();
      if (leave) leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[next++]);
    if (enter(child) && children_of(child)) stack.emplace_back(child, 0);
  }
}

namespace {

// The length of the whitespace character at the start of `s` (ASCII whitespace, or a
// no-break space, which pages use for spacing rather than meaning), else 0.
std::size_t whitespace_at(std::string_view s) {
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && s.size() > 1 && static_cast<unsigned char>(s[1]) == 0xA0) return 2;
  return 0;
}

}  // namespace

void TextWriter::put_separator() {
  if (!out_.empty()) {
    if (pending_break_ == 2)
      out_ += "\n\n";
    else if (pending_break_ == 1)
      out_ += '\n';
    else if (pending_space_)
      out_ += ' ';
  }
  pending_break_ = 0;
  pending_space_ = false;
}

void TextWriter::text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = whitespace_at(text.substr(i))) {
      pending_space_ = true;
      i += n;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && !whitespace_at(text.substr(end))) ++end;
    put_separator();
    out_.append(text, i, end - i);
    i = end;
  }
}

void TextWriter::preformatted(std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    if (!line.empty()) {
      put_separator();
      out_.append(line);
    }
    if (end < text.size()) line_break();
    start = end + 1;
  }
}

void TextWriter::node(const GumboNode* root, const std::function<bool(const GumboNode*)>& skip) {
  int in_pre = 0;
  walk(
      root,
      [&](const GumboNode* node) {
        switch (node->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_CDATA:
          case GUMBO_NODE_WHITESPACE:
            if (in_pre)
              preformatted(node->v.text.text);
            else
              text(node->v.text.text);
            return false;
          case GUMBO_NODE_ELEMENT:
          case GUMBO_NODE_TEMPLATE:
            if (is_never_text(node) || (skip && skip(node))) return false;
            if (node->v.element.tag == GUMBO_TAG_BR) {
              line_break();
              return false;
            }
            if (is_block(node)) paragraph_break();
            if (node->v.element.tag == GUMBO_TAG_TD || node->v.element.tag == GUMBO_TAG_TH)
              pending_space_ = true;
            if (node->v.element.tag == GUMBO_TAG_PRE) ++in_pre;
            return true;
          default:  // the document node is entered; comments are not text
            return node->type == GUMBO_NODE_DOCUMENT;
        }
      },
      [&](const GumboNode* node) {
        if (is_block(node)) paragraph_break();
        if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_PRE) --in_pre;
      });
}

std::string inline_text(const GumboNode* node) {
  TextWriter writer;
  writer.node(node);
  return collapse_whitespace(writer.str());
}

std::string collapse_whitespace(std::string_view text) {
  TextWriter writer;
  writer.text(text);
  return writer.take();
}

}  // namespace newsdex::html
