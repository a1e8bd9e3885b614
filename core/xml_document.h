// libxml2 behind one small interface, shared by the readers of XML and SGML records
// and of feeds: a parsed document that remembers where it first went wrong, and XPath
// expressions compiled once (at schema load) and evaluated to text per record.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct _xmlDoc;
struct _xmlNode;
struct _xmlXPathCompExpr;
struct _xmlXPathContext;

namespace newsdex {

// xml: XML as it is written, recovering after an error so that what precedes it is
// kept. sgml: SGML that is not well-formed XML (Reuters-21578: a DOCTYPE per file,
// several top-level elements, control-character references such as &#5;), read as XML
// with recovery inside a synthetic root element; element names keep their case.
enum class XmlParser { kXml, kSgml };

struct XmlError {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based; 0: unknown
  std::string message;     // one line
};

using XmlNamespaces = std::vector<std::pair<std::string, std::string>>;  // prefix, URI

class XmlDocument {
 public:
  // Parses `text` as UTF-8, ignoring any encoding it declares (the loader converted
  // it). Never throws for bad input: root() is then null or the recovered part, and
  // first_error() says what went wrong first. No network access, no external entities.
  XmlDocument(std::string_view text, XmlParser parser);
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  // The root element, or null when nothing could be read. For sgml it is the
  // synthetic root, whose children are the file's top-level elements.
  _xmlNode* root() const;
  // The first error the parser met (sgml: none are kept, SGML is not XML to begin with).
  const std::optional<XmlError>& first_error() const { return first_error_; }
  // The byte offset in the text of a line and column (1-based) of first_error().
  std::size_t offset_of(std::size_t line, std::size_t column) const;
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  _xmlDoc* doc_ = nullptr;
  std::optional<XmlError> first_error_;
};

// The line a node starts on (1-based; 0 unknown).
std::size_t xml_line(const _xmlNode* node);
// The name of an element as written, with its prefix ("dc:creator").
std::string xml_qualified_name(const _xmlNode* node);
// The text of a node: an element's text and CDATA, descendants included, in document
// order; an attribute's value; a text node's text.
std::string xml_text(const _xmlNode* node);

// The XPath evaluation context of one document, with the namespace prefixes that
// expressions use.
class XPathScope {
 public:
  XPathScope(const XmlDocument& doc, const XmlNamespaces& namespaces);
  ~XPathScope();
  XPathScope(const XPathScope&) = delete;
  XPathScope& operator=(const XPathScope&) = delete;
  _xmlXPathContext* context() const { return context_; }

 private:
  _xmlXPathContext* context_ = nullptr;
};

// One compiled XPath 1.0 expression.
class XPath {
 public:
  // Compiles `expression` and tries it once on an empty document with `namespaces`
  // (how an undeclared prefix is found at schema load). Null with `error` set (one
  // line, libxml2's words) when it does not compile.
  static std::unique_ptr<XPath> compile(const std::string& expression,
                                        const XmlNamespaces& namespaces, std::string& error);
  ~XPath();
  XPath(const XPath&) = delete;
  XPath& operator=(const XPath&) = delete;

  // The nodes the expression selects from `at`, in document order (none when it
  // yields a string or number, or fails).
  std::vector<_xmlNode*> nodes(XPathScope& scope, _xmlNode* at) const;
  // The texts it yields from `at`: each selected node's text (xml_text), or the one
  // string a string, number or boolean expression gives. Whitespace is trimmed and
  // empty texts left out.
  std::vector<std::string> texts(XPathScope& scope, _xmlNode* at) const;
  const std::string& expression() const { return expression_; }

 private:
  XPath(std::string expression, _xmlXPathCompExpr* compiled)
      : expression_(std::move(expression)), compiled_(compiled) {}
  std::string expression_;
  _xmlXPathCompExpr* compiled_;
};

// Trims ASCII and Unicode (no-break) spaces at both ends and turns every run of
// whitespace into one space, or, with `keep_paragraphs`, keeps line breaks: a body's
// paragraphs stay apart.
std::string squeeze_space(std::string_view text, bool keep_paragraphs);

}  // namespace newsdex
