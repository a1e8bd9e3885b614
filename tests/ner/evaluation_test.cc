#include <doctest/doctest.h>

#include "core/ner/evaluation.h"

using namespace newsdex::ner;

TEST_CASE("exact-span precision, recall and F1") {
  Evaluation e;
  // gold: [PER 0-2] [LOC 3]; predicted: [PER 0-1] (wrong boundary) [LOC 3] [ORG 4]
  e.add({parse_tag("B-PER"), parse_tag("I-PER"), 0, parse_tag("B-LOC"), 0},
        {parse_tag("B-PER"), 0, 0, parse_tag("B-LOC"), parse_tag("B-ORG")});
  CHECK(e.overall().gold == 2);
  CHECK(e.overall().predicted == 3);
  CHECK(e.overall().correct == 1);
  CHECK(e.overall().precision() == doctest::Approx(1.0 / 3));
  CHECK(e.overall().recall() == doctest::Approx(0.5));
  CHECK(e.overall().f1() == doctest::Approx(0.4));
  CHECK(e.by_type(1).f1() == doctest::Approx(1.0));
  CHECK(e.by_type(0).correct == 0);
  CHECK(e.correct_tokens() == 3);
  CHECK(e.report().find("overall") != std::string::npos);
}

TEST_CASE("no entities at all scores zero without dividing by zero") {
  Evaluation e;
  e.add({0, 0}, {0, 0});
  CHECK(e.overall().f1() == 0.0);
}
