#include "core/feed_reader.h"

#include "core/xml_record_reader.h"

namespace newsdex {
namespace {

// An element of any namespace (or none) by its local name: RSS 2.0 has no namespace,
// RSS 1.0 and 0.90 each their own, Atom 1.0 and 0.3 theirs, and modules (dc:,
// content:) are written under whatever prefix a feed likes.
std::string el(const std::string& name) {
  return "*[local-name()='" + name + "']";
}

class FeedReader : public ArticleReader {
 public:
  explicit FeedReader(const Schema& schema) : records_(schema, feed_record_options()) {}

  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override {
    if (!sniff_feed(text)) return {};  // an .xml that is not a feed holds no article
    return records_.read(text, relative, mtime);
  }

 private:
  XmlRecordReader records_;
};

bool starts(std::string_view s, std::size_t at, std::string_view what) {
  return s.substr(at, what.size()) == what;
}

}  // namespace

XmlRecordOptions feed_record_options() {
  XmlRecordOptions o;
  o.parser = XmlParser::kXml;
  o.namespaces = {{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}};
  // RSS 2.0: rss/channel/item; RSS 1.0 and 0.90: items beside the channel; Atom:
  // entries. At any depth: after a broken item the parser's recovery may nest the next
  // ones inside it, and they are still items.
  o.record = "/*[local-name()='rss' or local-name()='RDF']//" + el("item") +
             " | /*[local-name()='feed']//" + el("entry");
  // The channel (RSS) or feed (Atom) an item belongs to, wherever it was nested.
  const std::string channel =
      "(ancestor::*[local-name()='channel' or local-name()='feed'])[last()]/";
  const std::string alternate = el("link") + "[not(@rel) or @rel='alternate']/@href";
  o.key = {el("guid"), el("id"), "@rdf:about", alternate, el("link")};
  o.fields = {
      {"title", {el("title")}},
      {"body", {el("encoded"), el("content"), el("description"), el("summary")}},
      {"date",
       {el("pubDate"), el("date"), el("published"), el("updated"), el("issued"), el("modified")}},
      {"author",
       {el("author") + "/" + el("name"), el("creator"), el("author"),
        channel + el("author") + "/" + el("name"), channel + el("creator")}},
      {"topic", {el("category") + "/@term", el("category"), el("subject")}},
      {"url", {alternate, el("link")}},
      {"language",
       {"(ancestor-or-self::*/@xml:lang)[last()]", el("language"), channel + el("language"),
        "/" + el("RDF") + "/" + el("channel") + "/" + el("language")}},
      {"source",
       {channel + el("title"), "/" + el("RDF") + "/" + el("channel") + "/" + el("title")}},
  };
  // A title may carry entities and markup too ("Q&amp;A: &lt;b&gt;...").
  o.html = {"title", "body"};
  return o;
}

bool sniff_feed(std::string_view head) {
  std::size_t i = starts(head, 0, "\xEF\xBB\xBF") ? 3 : 0;
  for (;;) {
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
      ++i;
    if (starts(head, i, "<?")) {
      const auto end = head.find("?>", i);
      if (end == std::string_view::npos) return false;
      i = end + 2;
    } else if (starts(head, i, "<!--")) {
      const auto end = head.find("-->", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
    } else if (starts(head, i, "<!")) {
      // A doctype, with an internal subset in brackets perhaps.
      int depth = 0;
      for (++i; i < head.size(); ++i) {
        if (head[i] == '[') ++depth;
        if (head[i] == ']') --depth;
        if (head[i] == '>' && depth <= 0) break;
      }
      if (i >= head.size()) return false;
      ++i;
    } else {
      break;
    }
  }
  if (!starts(head, i, "<")) return false;
  std::size_t end = i + 1;
  while (end < head.size() && !std::isspace(static_cast<unsigned char>(head[end])) &&
         head[end] != '>' && head[end] != '/')
    ++end;
  std::string_view name = head.substr(i + 1, end - i - 1);
  if (const auto colon = name.find(':'); colon != std::string_view::npos)
    name = name.substr(colon + 1);
  return name == "rss" || name == "feed" || name == "RDF";
}

std::unique_ptr<ArticleReader> make_feed_reader(const Schema& schema) {
  return std::make_unique<FeedReader>(schema);
}

}  // namespace newsdex
