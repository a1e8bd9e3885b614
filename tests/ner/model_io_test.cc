#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/ner/model.h"
#include "core/ner/sequence_tagger.h"
#include "core/ner/tags.h"
#include "core/ner/trainer.h"

using namespace newsdex::ner;

namespace {

Sentence sentence(std::vector<std::string> words, std::vector<std::string> tags) {
  Sentence s;
  s.words = std::move(words);
  for (const std::string& t : tags) s.gold.push_back(parse_tag(t));
  return s;
}

// A tiny training set: enough for the perceptron to learn these sentences.
std::vector<Document> tiny_corpus() {
  std::vector<Document> docs;
  for (int k = 0; k < 6; ++k) {
    Document d;
    d.sentences.push_back(sentence({"John", "Smith", "visited", "Paris", "."},
                                   {"B-PER", "I-PER", "O", "B-LOC", "O"}));
    d.sentences.push_back(sentence({"Smith", "joined", "Acme", "Corp", "in", "London", "."},
                                   {"B-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"}));
    docs.push_back(d);
  }
  return docs;
}

Model tiny_model() {
  Gazetteer gazetteer;
  gazetteer.add(GazetteerCategory::City, "Paris");
  TrainingOptions options;
  options.epochs = 4;
  options.folds = 2;
  options.min_feature_count = 1;
  return train_model(tiny_corpus(), {}, gazetteer, "place:\n  Paris: [Paree]\n", options);
}

}  // namespace

TEST_CASE("a model survives serialisation unchanged and still tags what it learned") {
  std::string bytes = serialise_model(tiny_model());
  Model loaded = parse_model(bytes);
  CHECK(serialise_model(loaded) == bytes);  // quantised once; stable from then on
  CHECK(loaded.aliases_yaml == "place:\n  Paris: [Paree]\n");
  CHECK(loaded.gazetteer.size() == 1);
  CHECK(loaded.first_pass.size() > 0);
  CHECK(loaded.second_pass.size() > 0);

  SequenceTagger tagger(loaded);
  Document d = tiny_corpus()[0];
  std::vector<std::vector<int>> tags = tagger.tag(d);
  REQUIRE(tags.size() == 2);
  CHECK(tags[0] == d.sentences[0].gold);
  CHECK(tags[1] == d.sentences[1].gold);
}

TEST_CASE("training is deterministic") {
  CHECK(serialise_model(tiny_model()) == serialise_model(tiny_model()));
}

TEST_CASE("save and load through a file, with errors that name the file") {
  auto path = std::filesystem::temp_directory_path() / "newsdex-ner-model-io-test.model";
  save_model(tiny_model(), path.string());
  Model loaded = load_model(path.string());
  CHECK(loaded.first_pass.size() > 0);

  std::string bytes = serialise_model(loaded);
  {
    std::ofstream truncated(path, std::ios::binary | std::ios::trunc);
    truncated.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  CHECK_THROWS_WITH_AS(load_model(path.string()),
                       doctest::Contains((path.string() + ": truncated").c_str()),
                       std::runtime_error);
  {
    std::ofstream garbage(path, std::ios::binary | std::ios::trunc);
    garbage << "not a model at all";
  }
  CHECK_THROWS_WITH_AS(load_model(path.string()), doctest::Contains("bad magic"),
                       std::runtime_error);
  std::filesystem::remove(path);
  CHECK_THROWS_WITH_AS(load_model(path.string()),
                       doctest::Contains((path.string() + ": cannot open").c_str()),
                       std::runtime_error);
}
