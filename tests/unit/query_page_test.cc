// newsdex-query(7) must describe the whole query language: every field of the field
// table (which the query builder registers as a boolean prefix), the title: and date:
// prefixes it adds itself, and each operator that its QueryParser flags enable.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/fields.h"

namespace {

std::string query_page() {
  std::ifstream in(std::string(NEWSDEX_SOURCE_DIR) + "/man/newsdex-query.7");
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("newsdex-query(7) names every field of the query language") {
  const std::string page = query_page();
  for (const auto& field : newsdex::fields()) {
    const std::string prefix = std::string(field.name) + ":";
    CAPTURE(prefix);
    CHECK(page.find(prefix) != std::string::npos);
  }
  // Registered by QueryBuilder besides the field table: the title's words and the
  // date range.
  CHECK(page.find("title:") != std::string::npos);
  CHECK(page.find("date:") != std::string::npos);
  CHECK(page.find("date:2018\\-04\\-01..2018\\-04\\-30") != std::string::npos);
}

TEST_CASE("newsdex-query(7) describes every operator the query parser accepts") {
  // FLAG_DEFAULT (phrases, boolean operators, +/- "love/hate"), FLAG_WILDCARD and
  // FLAG_PURE_NOT, as search/query_builder.cc passes them.
  const std::string page = query_page();
  for (const char* op : {" AND ", " OR ", " NOT ", " XOR ", " NEAR ", " NEAR/", " ADJ ", " ADJ/",
                         "AND NOT", "\\fBNOT\\fR \\fIb\\fR alone", "BI + word", "\\- word",
                         "negoti*", "\"\"\"trade war\"\"\"", "BI ( query )"}) {
    CAPTURE(op);
    CHECK(page.find(op) != std::string::npos);
  }
}
