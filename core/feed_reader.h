// The `feed` format: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom, each item or entry
// one article. It is the xml record reader (xml_record_reader.h) with options of its
// own, written once here as XPath over the elements' local names, so that a feed
// whose namespaces are old, missing or unusual reads the same.
#pragma once

#include <memory>
#include <string_view>

#include "core/article_reader.h"
#include "core/schema.h"
#include "core/xml_record_options.h"

namespace newsdex {

// What a feed's item gives each field: key from guid, id, rdf:about or link; title;
// date from pubDate, dc:date, published, updated; text from content:encoded, else
// content, else description or summary, as HTML; authors from atom:author/name,
// dc:creator or author ("jo@example.com (Jo Smith)" gives "Jo Smith"); topics from
// category (@term or text) or dc:subject; the URL from an alternate link; language
// from xml:lang, dc:language or the channel's language; source: the channel's title.
XmlRecordOptions feed_record_options();

// Whether the text's root element (after a byte-order mark, the XML declaration,
// comments, processing instructions and a doctype) is rss, feed or RDF (any prefix).
bool sniff_feed(std::string_view head);

// The feed reader. A file whose root is not a feed's (an .xml of another kind) holds
// no article: it is reported and not indexed, never read as text.
std::unique_ptr<ArticleReader> make_feed_reader(const Schema& schema);

}  // namespace newsdex
