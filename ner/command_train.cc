// newsdex-ner train: learn a model from CoNLL-2003 data (deterministic: same inputs, same bytes).
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/ner/cluster_builder.h"
#include "core/ner/conll_reader.h"
#include "core/ner/gazetteer_sources.h"
#include "core/ner/model.h"
#include "core/ner/trainer.h"
#include "core/resources.h"
#include "ner/commands.h"
#include "ner/input.h"

namespace newsdex::ner::cli {
namespace {

std::vector<Document> read_tagged(const std::string& path) {
  Input input(path);
  try {
    return read_conll(input.stream(), true).documents;
  } catch (const std::runtime_error& e) {
    throw UsageError(path + ": " + e.what());
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError(path + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Command add_train_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "train",
      "Train a model on CoNLL-2003 data (word first, gold IOB2 tag last). Progress goes to\n"
      "stderr: one line per epoch with seconds and dev F1. Same inputs give the same bytes.");
  struct Options {
    std::string train, dev, out, clusters;
    std::string iso_codes = "/usr/share/iso-codes/json";
    std::string gazetteer = find_resource("schemas/gazetteer.yaml");
    std::string aliases = find_resource("schemas/aliases.yaml");
    TrainingOptions training;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("--train", o->train, "training data (CoNLL)")->required();
  cmd->add_option("--dev", o->dev, "development data: picks the best epoch, F1 printed per epoch");
  cmd->add_option("--out", o->out, "model file to write")->required();
  cmd->add_option("--iso-codes", o->iso_codes, "iso-codes JSON folder (countries, regions)")
      ->capture_default_str();
  cmd->add_option("--gazetteer", o->gazetteer, "YAML lists of cities, demonyms, organisations...")
      ->capture_default_str();
  cmd->add_option("--aliases", o->aliases, "alias list, also copied into the model")
      ->capture_default_str();
  cmd->add_option("--clusters", o->clusters,
                  "word cluster file (`newsdex-ner clusters`), copied into the model: its path "
                  "prefixes become features");
  cmd->add_option("--epochs", o->training.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_option("--seed", o->training.seed, "seed of the sentence order")->capture_default_str();
  cmd->add_option("--folds", o->training.folds,
                  "jackknife folds for the second pass's training data")
      ->capture_default_str()
      ->check(CLI::Range(2, 20));
  cmd->add_option("--min-feature-count", o->training.min_feature_count,
                  "drop features seen fewer times in the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  return [o] {
    // Read first: a malformed file stops training before anything is printed.
    WordClusters clusters;
    if (!o->clusters.empty()) {
      Input input(o->clusters);
      try {
        clusters = read_clusters(input.stream());
      } catch (const std::runtime_error& e) {
        throw UsageError(o->clusters + ": " + e.what());
      }
    }
    std::vector<Document> train = read_tagged(o->train);
    std::vector<Document> dev;
    if (!o->dev.empty()) dev = read_tagged(o->dev);
    std::string aliases = read_text(o->aliases);
    Gazetteer gazetteer = build_gazetteer(o->iso_codes, o->gazetteer, aliases);
    std::cerr << "gazetteer: " << gazetteer.size() << " phrases; train: " << train.size()
              << " documents" << std::endl;
    if (!o->clusters.empty()) std::cerr << "clusters: " << clusters.size() << " words" << std::endl;
    o->training.progress = &std::cerr;
    Model model =
        train_model(train, dev, std::move(gazetteer), aliases, o->training, std::move(clusters));
    save_model(model, o->out);
  };
}

}  // namespace newsdex::ner::cli
