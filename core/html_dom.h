// What every HTML reader of newsdex shares on top of Gumbo: a parsed document that frees
// itself, element names and attributes as strings, a walk that never recurses (a page of
// a hundred thousand nested <div>s must not exhaust the stack), and the writer that turns
// text nodes into paragraphs with collapsed whitespace.
#pragma once

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>

namespace newsdex::html {

// A parsed page or fragment. Gumbo decodes character references (&amp;, &eacute;,
// &#8217;) in text and attribute values, and repairs what a browser repairs.
class Document {
 public:
  // The whole page: <html> with <head> and <body>, whatever the text leaves out.
  explicit Document(std::string_view html);
  // A fragment as the content of a <div> (a feed's description).
  static Document fragment(std::string_view html);
  ~Document();
  Document(Document&& other) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document& operator=(Document&&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  Document(std::string_view html, bool fragment);
  std::string text_;  // Gumbo's nodes point into the text they were parsed from
  GumboOutput* output_ = nullptr;
};

bool is_element(const GumboNode* node);
// The name of an element: lowercase for the tags Gumbo knows, as written for others
// ("amp-img").
std::string_view tag_name(const GumboNode* node);
// An attribute's value, "" when the element does not have it (or is not an element).
std::string_view attribute(const GumboNode* node, const char* name);
bool has_attribute(const GumboNode* node, const char* name);

// Elements whose content is never text a reader sees: scripts, styles, templates,
// embedded objects, form controls whose content is data rather than prose.
bool is_never_text(const GumboNode* node);
// Elements that start a paragraph of their own (div, p, h1, li, section, td's row...).
bool is_block(const GumboNode* node);

// Visits `root` and its descendants in document order without recursion. `enter` is
// called on each node and returns whether to visit its children; `leave`, when given,
// is called on an element after its children.
void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
          const std::function<void(const GumboNode*)>& leave = {});

// Builds text as a browser shows it: runs of whitespace are one space, blocks are
// paragraphs separated by one blank line, <br> a line break, <pre> kept as written.
class TextWriter {
 public:
  void text(std::string_view text);
  void preformatted(std::string_view text);
  void paragraph_break() { pending_break_ = 2; }
  void line_break() {
    if (pending_break_ < 1) pending_break_ = 1;
  }
  // Writes the text of `node` and below, skipping what is_never_text and comments, and
  // elements for which `skip` (when given) says so.
  void node(const GumboNode* node, const std::function<bool(const GumboNode*)>& skip = {});
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void put_separator();
  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

// The text of `node` and below on one line (a title, a heading, a link's words).
std::string inline_text(const GumboNode* node);

// `text` with its whitespace collapsed and trimmed.
std::string collapse_whitespace(std::string_view text);

}  // namespace newsdex::html
