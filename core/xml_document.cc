#include "core/xml_document.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "core/schema_text.h"

namespace newsdex {
namespace {

// libxml2 keeps global tables that must be set up once, before threads use them: on
// first use here (a function-local static, so once and thread-safe), not by a static
// initialiser, so that a program that reads no XML (every newsdex search) does not set
// them up. At start-up they cost a tenth of `newsdex --version`'s page faults.
void ensure_libxml() {
  static const bool ready = (xmlInitParser(), true);
  (void)ready;
}

// libxml2's messages quote the input, and may cut it inside a character: a message is
// printed and stored, so it is made UTF-8 (each invalid byte U+FFFD) and one line.
std::string clean_message(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string out;
  std::string_view rest(message);
  while (!rest.empty()) {
    const std::size_t bad = invalid_utf8_at(rest);
    out.append(rest.substr(0, std::min(bad, rest.size())));
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(bad + 1);
  }
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

// Errors go to a handler of the thread, never to stderr: a reader reports them as
// values. Captures the first error that loses text; later ones follow from it.
struct ErrorCapture {
  // First, before the handlers below are read: every parse and XPath starts here.
  bool libxml_ready = (ensure_libxml(), true);
  std::optional<XmlError> first;
  std::string text;  // the first bare-text error
  xmlStructuredErrorFunc saved_handler;
  void* saved_context;

  xmlGenericErrorFunc saved_generic;
  void* saved_generic_context;

  ErrorCapture()
      : saved_handler(xmlStructuredError),
        saved_context(xmlStructuredErrorContext),
        saved_generic(xmlGenericError),
        saved_generic_context(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(this, &ErrorCapture::handle);
    // Some XPath errors ("function nosuch not found") come as bare text.
    xmlSetGenericErrorFunc(this, &ErrorCapture::handle_text);
  }
  ~ErrorCapture() {
    xmlSetStructuredErrorFunc(saved_context, saved_handler);
    xmlSetGenericErrorFunc(saved_generic_context, saved_generic);
  }

  static void handle_text(void* self, const char* format, ...) {
    auto& capture = *static_cast<ErrorCapture*>(self);
    if (!capture.text.empty()) return;
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    capture.text = clean_message(buffer);
  }

  // What went wrong first, in the words of whichever handler heard of it.
  std::string message(const char* otherwise) const {
    return first ? first->message : !text.empty() ? text : otherwise;
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  static void handle(void* self, xmlErrorPtr error) {
    auto& capture = *static_cast<ErrorCapture*>(self);
    if (capture.first || !error || error->level < XML_ERR_ERROR) return;
    // An HTML entity in a feed (&nbsp;) is not XML, but loses nothing: xml_text
    // decodes it by name.
    if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY)
      return;
    XmlError e;
    e.line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
    e.column = error->int2 > 0 ? static_cast<std::size_t>(error->int2) : 0;
    e.message = clean_message(error->message ? error->message : "malformed XML");
    capture.first = std::move(e);
  }
};

constexpr const char* kSgmlRoot = "<newsdex-sgml>";
constexpr const char* kSgmlRootEnd = "</newsdex-sgml>";

void blank(std::string& s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < s.size(); ++i)
    if (s[i] != '\n') s[i] = ' ';
}

// SGML as XML: declarations blanked (they may not stand inside the synthetic root),
// and references to control characters, which XML forbids, blanked too. Lines and
// columns stay where they were, so errors and records keep their lines.
std::string sgml_as_xml(std::string_view text) {
  std::string out(kSgmlRoot);
  const std::size_t base = out.size();
  out.append(text);
  for (std::size_t i = base; i < out.size();) {
    const std::size_t lt = out.find('<', i);
    const std::size_t amp = out.find("&#", i);
    if (lt == std::string::npos && amp == std::string::npos) break;
    if (amp < lt) {
      std::size_t j = amp + 2;
      const bool hex = j < out.size() && (out[j] == 'x' || out[j] == 'X');
      if (hex) ++j;
      unsigned long value = 0;
      std::size_t digits = 0;
      while (j < out.size() && digits < 8 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(out[j]))
                  : std::isdigit(static_cast<unsigned char>(out[j])))) {
        value = value * (hex ? 16 : 10) +
                static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(out[j]))
                                               ? out[j] - '0'
                                               : (std::tolower(out[j]) - 'a' + 10));
        ++j;
        ++digits;
      }
      if (digits && j < out.size() && out[j] == ';' && value < 0x20 && value != 9 && value != 10 &&
          value != 13)
        blank(out, amp, j + 1);
      i = amp + 2;
      continue;
    }
    if (out.compare(lt, 2, "<!") == 0 && out.compare(lt, 4, "<!--") != 0 &&
        out.compare(lt, 9, "<![CDATA[") != 0) {
      const std::size_t end = out.find('>', lt);
      blank(out, lt, end == std::string::npos ? out.size() : end + 1);
      i = end == std::string::npos ? out.size() : end + 1;
    } else if (out.compare(lt, 5, "<?xml") == 0) {
      const std::size_t end = out.find("?>", lt);
      blank(out, lt, end == std::string::npos ? out.size() : end + 2);
      i = end == std::string::npos ? out.size() : end + 2;
    } else {
      i = lt + 1;
    }
  }
  out += kSgmlRootEnd;
  return out;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Entities a document declares are expanded this deep at most: a few levels cover
// real use, and an entity that refers to others ten times over ("billion laughs")
// then costs a thousand copies, not a billion.
constexpr int kEntityDepth = 3;

void collect_text(const xmlNode* node, std::string& out, int entity_depth) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    switch (child->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (child->content) out += reinterpret_cast<const char*>(child->content);
        break;
      case XML_ELEMENT_NODE:
        collect_text(child, out, entity_depth);
        // Elements separate words: <D>usa</D><D>uk</D> is two codes, and a block
        // element's text does not run into the next.
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        break;
      case XML_ENTITY_REF_NODE: {
        const auto* entity = reinterpret_cast<const xmlEntity*>(child->children);
        if (entity && entity_depth < kEntityDepth) {
          collect_text(reinterpret_cast<const xmlNode*>(entity), out, entity_depth + 1);
        } else if (!entity && child->name) {
          // Undeclared: an HTML entity (&nbsp; &eacute;) a feed wrote into its XML.
          if (const htmlEntityDesc* html = htmlEntityLookup(child->name))
            append_utf8(out, html->value);
        }
        break;
      }
      default:
        break;
    }
  }
}

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

}  // namespace

XmlDocument::XmlDocument(std::string_view text, XmlParser parser) : text_(text) {
  ErrorCapture capture;
  int options = XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_RECOVER | XML_PARSE_BIG_LINES |
                XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
  if (parser == XmlParser::kSgml) {
    const std::string xml = sgml_as_xml(text);
    doc_ = xmlReadMemory(xml.data(), static_cast<int>(std::min<std::size_t>(xml.size(), INT32_MAX)),
                         nullptr, "UTF-8", options);
    // SGML is not XML: its errors say nothing about the records.
  } else {
    doc_ =
        xmlReadMemory(text.data(), static_cast<int>(std::min<std::size_t>(text.size(), INT32_MAX)),
                      nullptr, "UTF-8", options);
    first_error_ = std::move(capture.first);
    if (first_error_ && !doc_ && first_error_->line == 0) first_error_->line = 1;
  }
  if (!doc_ && !first_error_) first_error_ = XmlError{1, 0, "not XML"};
}

XmlDocument::~XmlDocument() {
  if (doc_) xmlFreeDoc(doc_);
}

_xmlNode* XmlDocument::root() const {
  return doc_ ? xmlDocGetRootElement(doc_) : nullptr;
}

std::size_t XmlDocument::offset_of(std::size_t line, std::size_t column) const {
  std::size_t offset = 0;
  for (std::size_t l = 1; l < line; ++l) {
    const std::size_t nl = text_.find('\n', offset);
    if (nl == std::string_view::npos) return text_.size();
    offset = nl + 1;
  }
  return std::min(text_.size(), offset + (column ? column - 1 : 0));
}

std::size_t xml_line(const _xmlNode* node) {
  if (!node) return 0;
  const long line = xmlGetLineNo(node);
  return line > 0 ? static_cast<std::size_t>(line) : 0;
}

std::string xml_qualified_name(const _xmlNode* node) {
  std::string name;
  if (node->ns && node->ns->prefix) {
    name = reinterpret_cast<const char*>(node->ns->prefix);
    name += ':';
  }
  if (node->name) name += reinterpret_cast<const char*>(node->name);
  return name;
}

std::string xml_text(const _xmlNode* node) {
  std::string out;
  if (!node) return out;
  switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
      if (node->content) out = reinterpret_cast<const char*>(node->content);
      break;
    case XML_NAMESPACE_DECL: {
      const auto* ns = reinterpret_cast<const xmlNs*>(node);
      if (ns->href) out = reinterpret_cast<const char*>(ns->href);
      break;
    }
    case XML_ELEMENT_NODE:
    case XML_ATTRIBUTE_NODE:
    case XML_DOCUMENT_NODE:
      collect_text(node, out, 0);
      break;
    default:
      break;
  }
  return out;
}

XPathScope::XPathScope(const XmlDocument& doc, const XmlNamespaces& namespaces) {
  if (!doc.root()) return;
  ensure_libxml();
  context_ = xmlXPathNewContext(doc.root()->doc);
  if (!context_) return;
  for (const auto& [prefix, uri] : namespaces)
    xmlXPathRegisterNs(context_, reinterpret_cast<const xmlChar*>(prefix.c_str()),
                       reinterpret_cast<const xmlChar*>(uri.c_str()));
}

XPathScope::~XPathScope() {
  if (context_) xmlXPathFreeContext(context_);
}

std::unique_ptr<XPath> XPath::compile(const std::string& expression,
                                      const XmlNamespaces& namespaces, std::string& error) {
  ErrorCapture capture;
  xmlXPathCompExprPtr compiled =
      xmlXPathCompile(reinterpret_cast<const xmlChar*>(expression.c_str()));
  if (!compiled) {
    error = capture.message("not an XPath expression");
    return nullptr;
  }
  std::unique_ptr<XPath> path(new XPath(expression, compiled));
  // Prefixes and functions are resolved when the expression runs: run it once.
  XmlDocument empty("<newsdex/>", XmlParser::kXml);
  XPathScope scope(empty, namespaces);
  xmlXPathContextPtr context = scope.context();
  if (context) {
    context->node = empty.root();
    xmlXPathObjectPtr result = xmlXPathCompiledEval(compiled, context);
    if (!result) {
      error = capture.message("the expression cannot be evaluated");
      return nullptr;
    }
    xmlXPathFreeObject(result);
  }
  return path;
}

XPath::~XPath() {
  xmlXPathFreeCompExpr(compiled_);
}

std::vector<_xmlNode*> XPath::nodes(XPathScope& scope, _xmlNode* at) const {
  std::vector<_xmlNode*> out;
  xmlXPathContextPtr context = scope.context();
  if (!context) return out;
  ErrorCapture capture;  // a failing evaluation selects nothing, silently
  context->node = at;
  xmlXPathObjectPtr result = xmlXPathCompiledEval(compiled_, context);
  if (!result) return out;
  if (result->type == XPATH_NODESET && result->nodesetval) {
    const xmlNodeSet& set = *result->nodesetval;
    out.reserve(static_cast<std::size_t>(set.nodeNr));
    for (int i = 0; i < set.nodeNr; ++i)
      if (set.nodeTab[i] && set.nodeTab[i]->type != XML_NAMESPACE_DECL)
        out.push_back(set.nodeTab[i]);
  }
  xmlXPathFreeObject(result);
  return out;
}

std::vector<std::string> XPath::texts(XPathScope& scope, _xmlNode* at) const {
  std::vector<std::string> out;
  xmlXPathContextPtr context = scope.context();
  if (!context) return out;
  ErrorCapture capture;
  context->node = at;
  xmlXPathObjectPtr result = xmlXPathCompiledEval(compiled_, context);
  if (!result) return out;
  auto add = [&](std::string text) {
    text = squeeze_space(text, true);
    if (!text.empty()) out.push_back(std::move(text));
  };
  if (result->type == XPATH_NODESET) {
    if (result->nodesetval)
      for (int i = 0; i < result->nodesetval->nodeNr; ++i)
        add(xml_text(result->nodesetval->nodeTab[i]));
  } else {
    xmlChar* value = xmlXPathCastToString(result);
    if (value) {
      add(reinterpret_cast<const char*>(value));
      xmlFree(value);
    }
  }
  xmlXPathFreeObject(result);
  return out;
}

std::string squeeze_space(std::string_view text, bool keep_paragraphs) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false, pending_break = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // U+00A0 no-break space, as news text uses it around datelines.
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (is_space_byte(c) || nbsp) {
      if (nbsp) ++i;
      pending_space = true;
      if (c == '\n' && keep_paragraphs) pending_break = true;
      continue;
    }
    if (!out.empty() && pending_break)
      out += '\n';
    else if (!out.empty() && pending_space)
      out += ' ';
    pending_space = pending_break = false;
    out += c;
  }
  return out;
}

}  // namespace newsdex
