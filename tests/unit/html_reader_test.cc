// The HTML reader's parts that decide fields: which files are HTML, which part of a
// <title> is the headline, which language code a tag gives.
#include <doctest/doctest.h>

#include "core/html_metadata.h"
#include "core/html_reader.h"
#include "core/html_title.h"

using newsdex::looks_like_html;
using newsdex::strip_site_name;

TEST_CASE("looks_like_html: a doctype or <html>/<head>/<body> first, after comments") {
  CHECK(looks_like_html("<!DOCTYPE html><html>"));
  CHECK(looks_like_html("  \n<!doctype HTML>"));
  CHECK(looks_like_html("<!-- saved from url=(0042) -->\n<html lang=\"en\">"));
  CHECK(looks_like_html("<HEAD><title>x</title>"));
  CHECK(looks_like_html("<body>"));
  CHECK_FALSE(looks_like_html("<htmlish>"));
  CHECK_FALSE(looks_like_html("<?xml version=\"1.0\"?><rss>"));
  CHECK_FALSE(looks_like_html("Title line\n\n<html> in the body of a text"));
  CHECK_FALSE(looks_like_html("<!-- a comment never closed <html>"));
  CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("strip_site_name: the site's name goes, wherever it stands") {
  const std::vector<std::string> none;
  CHECK(strip_site_name("Storm closes ports | BBC News", "BBC News", none, "") ==
        "Storm closes ports");
  CHECK(strip_site_name("Storm closes ports - BBC News", "BBC", none, "") == "Storm closes ports");
  CHECK(strip_site_name("The Guardian: Storm closes ports", "Guardian", none, "") ==
        "Storm closes ports");
  CHECK(strip_site_name("Storm closes ports | Weather | The Guardian", "The Guardian", none, "") ==
        "Storm closes ports | Weather");
  // Known by the URL's host alone.
  CHECK(strip_site_name("Storm closes ports \xe2\x80\x93 CNN Politics", "", none,
                        "edition.cnn.com") == "Storm closes ports");
  // The heading the page prints says which part is the headline.
  CHECK(strip_site_name("Valley Gazette Online - Council approves new bridge", "",
                        {"Council approves new bridge"}, "") == "Council approves new bridge");
  // A site unknown: a short last part after a bar is one.
  CHECK(strip_site_name("Council approves the new bridge | Daily Post", "", none, "") ==
        "Council approves the new bridge");
}

TEST_CASE("strip_site_name: a headline with a dash or colon of its own stays whole") {
  const std::vector<std::string> none;
  CHECK(strip_site_name("Brexit - what happens now", "", none, "") == "Brexit - what happens now");
  CHECK(strip_site_name("Analysis: why rates rose", "", none, "") == "Analysis: why rates rose");
  CHECK(strip_site_name("Storm closes ports", "BBC", none, "") == "Storm closes ports");
  CHECK(strip_site_name("BBC", "BBC", none, "") == "BBC");
}
