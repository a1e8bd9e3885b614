// newsdex-ner clusters: learn word clusters from unlabelled news (see
// core/ner/cluster_builder.h) and write them as a cluster file for `train --clusters`.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/ner/cluster_builder.h"
#include "core/ner/conll_reader.h"
#include "core/ner/tokenizer.h"
#include "ner/commands.h"
#include "ner/input.h"

namespace newsdex::ner::cli {
namespace {

namespace fs = std::filesystem;

bool has_extension(const fs::path& path, std::initializer_list<const char*> extensions) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* e : extensions) {
    if (ext == e) return true;
  }
  return false;
}

// Every file of the inputs that is read: *.txt (one article), *.jsonl / *.ndjson (one
// article a line, "title" and "text"). Folders are walked, sorted by path so that the
// order (and so the clusters) does not depend on the file system.
std::vector<fs::path> input_files(const std::vector<std::string>& inputs) {
  std::vector<fs::path> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(input)) {
        if (entry.is_regular_file() && has_extension(entry.path(), {".txt", ".jsonl", ".ndjson"}))
          found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(input, ec)) {
      files.emplace_back(input);
    } else {
      throw UsageError(input + ": no such file or folder");
    }
  }
  return files;
}

void add_text(ClusterBuilder& builder, std::string_view text) {
  for (const Sentence& s : tokenize_text(text).sentences) builder.add_sentence(s.words);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path.string() + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One bad line of a JSON Lines file is reported and skipped; the others are read.
void add_json_lines(ClusterBuilder& builder, const fs::path& path) {
  std::istringstream in(read_file(path));
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      std::cerr << "newsdex-ner: " << path.string() << ":" << number
                << ": not a JSON object, skipped\n";
      continue;
    }
    for (const char* field : {"title", "text"}) {
      auto it = record.find(field);
      if (it != record.end() && it->is_string()) add_text(builder, it->get<std::string>());
    }
  }
}

}  // namespace

Command add_clusters_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "clusters",
      "Learn word clusters from unlabelled English news and write them for `train\n"
      "--clusters`: one 'PATH<TAB>WORD<TAB>COUNT' line per word, PATH a bit string whose\n"
      "prefixes group words used in similar contexts. Inputs: *.txt files (one article\n"
      "each), *.jsonl / *.ndjson files (\"title\" and \"text\" of each line), folders of them\n"
      "(walked in path order), and --conll files (the words only; tags are not read).\n"
      "Deterministic: the same inputs give the same bytes.");
  struct Options {
    std::vector<std::string> inputs, conll;
    std::string out;
    ClusterOptions clustering;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("inputs", o->inputs, "text or JSON Lines files, or folders of them");
  cmd->add_option("--conll", o->conll, "CoNLL files whose words are read too (repeatable)");
  cmd->add_option("--out", o->out, "cluster file to write")->required();
  cmd->add_option("--min-count", o->clustering.min_count, "leave out words seen fewer times")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--max-words", o->clustering.max_words, "cluster the most frequent words only")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--context-words", o->clustering.context_words,
                  "neighbours told apart (the most frequent words)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--depth", o->clustering.depth, "levels of the hierarchy (path length)")
      ->capture_default_str()
      ->check(CLI::Range(1, WordClusters::kMaxDepth));
  return [o] {
    if (o->inputs.empty() && o->conll.empty()) throw UsageError("clusters: no input given");
    auto started = std::chrono::steady_clock::now();
    ClusterBuilder builder;
    for (const fs::path& path : input_files(o->inputs)) {
      if (has_extension(path, {".jsonl", ".ndjson"})) {
        add_json_lines(builder, path);
      } else {
        add_text(builder, read_file(path));
      }
    }
    for (const std::string& path : o->conll) {
      Input input(path);
      ConllFile file;
      try {
        file = read_conll(input.stream(), false);
      } catch (const std::runtime_error& e) {
        throw UsageError(path + ": " + e.what());
      }
      for (const Document& d : file.documents) {
        for (const Sentence& s : d.sentences) builder.add_sentence(s.words);
      }
    }
    std::vector<ClusteredWord> words = builder.build(o->clustering);
    std::ostringstream text;
    write_clusters(text, words);
    std::ofstream out(o->out, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError(o->out + ": cannot open for writing");
    out << text.str();
    if (!out.flush()) throw UsageError(o->out + ": write failed");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "clusters: " << builder.tokens() << " tokens, " << words.size()
              << " words clustered in " << seconds << " s\n";
  };
}

}  // namespace newsdex::ner::cli
