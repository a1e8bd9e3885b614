#include "core/html_dom.h"

#include <cstring>
#include <utility>
#include <vector>

namespace newsdex::html {

Document::Document(std::string_view html) : Document(html, false) {}

Document Document::fragment(std::string_view html) {
  return Document(html, true);
}

Document::Document(std::string_view html, bool fragment) : text_(html) {
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
