#include "core/html_text.h"

#include <doctest/doctest.h>

#include <string>

using newsdex::html_fragment_text;

TEST_CASE("html_fragment_text: blocks are paragraphs, inline runs one line") {
  CHECK(html_fragment_text("<p>First <b>bold</b>\n  words.</p><p>Second.</p>") ==
        "First bold words.\n\nSecond.");
  CHECK(html_fragment_text("<div>a</div><div><div>b</div></div>c") == "a\n\nb\n\nc");
  CHECK(html_fragment_text("<ul><li>one</li><li>two</li></ul>") == "one\n\ntwo");
  CHECK(html_fragment_text("line one<br>line two<br/>line three") ==
        "line one\nline two\nline three");
  CHECK(html_fragment_text("<h2>Head</h2>text") == "Head\n\ntext");
}

TEST_CASE("html_fragment_text: scripts, styles, comments and templates are not text") {
  CHECK(html_fragment_text("<p>kept<script>var hidden = 1;</script></p>"
                           "<style>.x{color:red}</style><!-- a comment -->"
                           "<template><p>tmpl</p></template><noscript>enable js</noscript>") ==
        "kept");
}

TEST_CASE("html_fragment_text: character references are decoded") {
  CHECK(html_fragment_text("Fish &amp; chips at the caf&eacute; &#8212; &#x41;&lt;B&gt;") ==
        "Fish & chips at the caf\xc3\xa9 \xe2\x80\x94 A<B>");
  // A no-break space separates words like a space.
  CHECK(html_fragment_text("a&nbsp;&nbsp;b") == "a b");
}

TEST_CASE("html_fragment_text: a numeric reference beyond U+10FFFF is U+FFFD, never bad UTF-8") {
  // Gumbo alone overflows on these and writes bytes that are not UTF-8 (a fuzzer's find).
  CHECK(html_fragment_text("<p>a &#x201CCCCCCCCCCCCCCCCCCCCC4; b</p>") == "a \xEF\xBF\xBD b");
  CHECK(html_fragment_text("<p>a &#99999999999999999999 b</p>") == "a \xEF\xBF\xBD b");
  CHECK(html_fragment_text("<p>&#x110000;&#x10FFFF;&#8217;</p>") ==
        "\xEF\xBF\xBD\xF4\x8F\xBF\xBF\xE2\x80\x99");
  CHECK(html_fragment_text("<p>&#; &#x; x</p>") == "&#; &#x; x");
}

TEST_CASE("html_fragment_text: plain text and broken markup give their words") {
  CHECK(html_fragment_text("  just   words\n here ") == "just words here");
  CHECK(html_fragment_text("<p>unclosed <b>bold <i>and italic") == "unclosed bold and italic");
  CHECK(html_fragment_text("<div><p>a</span></div>b</p>") == "a\n\nb");
  CHECK(html_fragment_text("").empty());
  CHECK(html_fragment_text("<<<>>>&&&").find("&&&") != std::string::npos);
}

TEST_CASE("html_fragment_text: preformatted text keeps its lines") {
  CHECK(html_fragment_text("<pre>x = 1\n  y = 2</pre>after") == "x = 1\n  y = 2\n\nafter");
}

TEST_CASE("html_fragment_text: table cells are separated") {
  CHECK(html_fragment_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") ==
        "a b\n\nc");
}
