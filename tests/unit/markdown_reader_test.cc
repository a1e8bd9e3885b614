// The Markdown reader: front matter fields (nested maps and lists too), the body as
// plain text without markup, link targets or image paths, the title's fallbacks, and
// front matter that fails the file with its line.
#include <doctest/doctest.h>

#include <string>

#include "core/article_formats.h"
#include "core/markdown_reader.h"
#include "tests/unit/test_index.h"

using namespace newsdex;
using newsdex::testing::news_schema;

namespace {

FileArticle read_md(const std::string& text) {
  MarkdownReader reader(news_schema());
  auto out = reader.read(text, "blog/post.md", 1600000000);
  REQUIRE(out.size() == 1);
  return out.front();
}

}  // namespace

TEST_CASE("markdown: YAML front matter gives the fields, nested maps and lists too") {
  const auto r = read_md(
      "---\n"
      "title: \"Harbour reopens\"\n"
      "date: 2019-03-05 10:00:00 +0100\n"
      "tags: [ports, Trade]\n"
      "categories:\n  - economy\n  - [nested, list]\n"
      "keywords: shipping, cranes\n"
      "author:\n  name: Ann Lee\n  email: ann@example.org\n"
      "lang: fr-FR\n"
      "permalink: /2019/harbour\n"
      "publisher: {name: Coastal Post}\n"
      "extra: {deep: {deeper: [1, 2]}}\n"
      "---\n"
      "The harbour reopened on Tuesday.\n");
  CHECK(r.error.empty());
  CHECK(r.key.empty());
  const Article& a = r.article;
  CHECK(a.title == "Harbour reopens");
  CHECK(a.date == "20190305");
  CHECK(a.date_from_text);
  CHECK(a.topics == std::vector<std::string>{"Trade", "cranes", "economy", "list", "nested",
                                             "ports", "shipping"});
  CHECK(a.authors == std::vector<std::string>{"Ann Lee"});
  CHECK(a.language == "fr");
  CHECK(a.url == "/2019/harbour");
  CHECK(a.source == "Coastal Post");
  CHECK(a.section == "blog");
  CHECK(a.body == "The harbour reopened on Tuesday.");
}

TEST_CASE("markdown: the body is text; link targets and image paths are not") {
  const std::string md =
      "# Title here\n\n"
      "Read [the report](https://secret-target.example/report.pdf \"hover title\") and "
      "![a crane at dawn](images/hidden-path.png).\n"
      "Use `grep -r` **now** &amp; then &copy; <span class=\"x\">inline</span>.\n\n"
      "- item one\n- item two\n\n"
      "> quoted words\n\n"
      "```\ncode block words\n```\n\n"
      "<div><!-- hidden comment --><script>hiddenscript()</script>html words</div>\n\n"
      "[ref]: https://reference-target.example\n";
  std::string title;
  const std::string text = markdown_to_text(md, &title);
  CHECK(title == "Title here");
  CHECK(text.find("the report") != std::string::npos);
  CHECK(text.find("a crane at dawn") != std::string::npos);
  CHECK(text.find("secret-target") == std::string::npos);
  CHECK(text.find("hover title") == std::string::npos);
  CHECK(text.find("hidden-path") == std::string::npos);
  CHECK(text.find("reference-target") == std::string::npos);
  CHECK(text.find("grep -r now & then \xC2\xA9 inline.") != std::string::npos);
  CHECK(text.find("**") == std::string::npos);
  CHECK(text.find("item one\n\nitem two") != std::string::npos);
  CHECK(text.find("quoted words") != std::string::npos);
  CHECK(text.find("code block words") != std::string::npos);
  CHECK(text.find("html words") != std::string::npos);
  CHECK(text.find("hidden") == std::string::npos);
  CHECK(text.find("Title here") == std::string::npos);  // the title is not the body too
}

TEST_CASE("markdown: the title falls back to the first heading, then the first line") {
  CHECK(read_md("Intro text.\n\nSetext title\n===\n\nMore.\n").article.title == "Setext title");
  CHECK(read_md("Setext title\non two lines\n---\n\nMore.\n").article.title ==
        "Setext title on two lines");
  CHECK(read_md("## Opening heading\n\nText.\n").article.title == "Opening heading");
  const auto r = read_md("Just a line\nand more lines.\n\n## Later\n");
  CHECK(r.article.title == "Just a line");
  CHECK(r.article.body == "and more lines.\n\nLater");
  // A date written near the start, as in plain text; else the file's time.
  CHECK(read_md("# Budget, April 12, 2018\n\nText.\n").article.date == "20180412");
  CHECK(read_md("# No date\n").article.date == "20200913");
}

TEST_CASE("markdown: malformed front matter fails the file with its line") {
  auto r = read_md("---\ntitle: ok\ntags: [unclosed\n---\nBody\n");
  CHECK(r.line >= 3);
  CHECK(r.error.rfind("front matter is not YAML", 0) == 0);
  r = read_md("---\n- a\n- b\n---\nBody\n");
  CHECK(r.line == 2);
  CHECK(r.error == "front matter is not a mapping of keys to values");
  r = read_md("---\ntitle: never closed\n\nBody\n");
  CHECK(r.line == 1);
  CHECK(r.error.find("not closed") != std::string::npos);
  // Empty front matter is no mistake.
  CHECK(read_md("---\n---\n# T\n").error.empty());
}

TEST_CASE("markdown: a list that holds itself through an alias is read, not followed forever") {
  // yaml-cpp builds "&a [*a]" as a cycle; reading a text from it used to recurse until
  // the stack ran out.
  auto r = read_md(
      "---\ntitle: &a [*a]\ntags: &t [*t, economy]\nauthor: &p [[*p]]\n---\n# Heading\n\nBody.\n");
  REQUIRE(r.error.empty());
  CHECK(r.article.title == "Heading");
  CHECK(r.article.topics == std::vector<std::string>{"economy"});
  CHECK(r.article.authors.empty());
  r = read_md("---\ntitle: &a [[*a, Deep title]]\n---\nBody.\n");
  REQUIRE(r.error.empty());
  CHECK(r.article.title == "Deep title");
}

TEST_CASE("markdown: TOML front matter is left out of the text") {
  const auto r = read_md("+++\ntitle = \"T\"\n+++\n# Heading\n\nBody words.\n");
  CHECK(r.error.empty());
  CHECK(r.article.title == "Heading");
  CHECK(r.article.body == "Body words.");
}

TEST_CASE("markdown: chosen by name, or by front matter in a file the name says nothing of") {
  CHECK(choose_format(news_schema(), "a/post.md", "") == "markdown");
  CHECK(choose_format(news_schema(), "a/post.markdown", "") == "markdown");
  CHECK(choose_format(news_schema(), "a/post", "---\ntitle: x\n---\nBody\n") == "markdown");
  CHECK(choose_format(news_schema(), "a/post", "---\nJust a rule\n---\nBody\n") == "text");
  CHECK(choose_format(news_schema(), "a/post.txt", "---\ntitle: x\n---\nBody\n") == "text");
}
