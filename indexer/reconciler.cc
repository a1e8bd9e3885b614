#include "indexer/reconciler.h"

#include <chrono>
#include <unordered_set>

#include "core/errors.h"
#include "indexer/analysis_pool.h"

namespace newsdex {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void remove_documents(const std::vector<std::string>& paths, IndexWriter& writer,
                      ReconcileSummary& summary, const ReconcileOptions& options) {
  for (const auto& path : paths) {
    writer.remove(path);
    ++summary.removed;
    if (options.on_removed) options.on_removed(path);
    writer.maybe_commit();
  }
}

ReconcileSummary Reconciler::process(const std::vector<CorpusFile>& todo,
                                     const IndexedFiles& indexed, IndexWriter& writer,
                                     const ReconcileOptions& options) {
  PipelineSink sink;
  sink.write = [&](const std::string& path, std::vector<ArticleDocument>& documents) {
    const bool added = !indexed.count(path);
    writer.put(path, std::move(documents));
    writer.maybe_commit();
    return added;
  };
  sink.emptied = [&](const std::string& path) {
    if (!indexed.count(path)) return false;
    writer.remove(path);
    writer.maybe_commit();
    return true;
  };
  return AnalysisPipeline(root_, schema_, annotate_).run(todo, &indexed, options, sink);
}

ReconcileSummary Reconciler::run(const std::vector<CorpusFile>& files, const IndexedFiles& indexed,
                                 IndexWriter& writer, const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (files.empty() && !indexed.empty() && !options.allow_empty_corpus)
    throw UsageError(root_ + ": the corpus folder holds no article, and the index holds " +
                     std::to_string(indexed.size()) +
                     "; not removing them all (is the folder unmounted? --allow-empty does it)");
  std::vector<CorpusFile> todo;
  std::size_t unchanged = 0;
  std::unordered_set<std::string> present;
  present.reserve(files.size());
  for (const auto& f : files) {
    present.insert(f.relative);
    auto it = indexed.find(f.relative);
    // Same size and mtime: unchanged without reading a byte, as omindex does.
    if (it != indexed.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns)
      ++unchanged;
    else
      todo.push_back(f);
  }
  ReconcileSummary summary = process(todo, indexed, writer, options);
  summary.unchanged += unchanged;
  if (!summary.cancelled) {
    std::vector<std::string> gone;
    for (const auto& [path, fingerprint] : indexed)
      if (!present.count(path)) gone.push_back(path);
    remove_documents(gone, writer, summary, options);
  }
  writer.commit();
  summary.seconds = seconds_since(start);
  return summary;
}

ReconcileSummary Reconciler::update(const std::vector<CorpusFile>& files,
                                    const IndexedFiles& indexed, IndexWriter& writer,
                                    const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ReconcileSummary summary = process(files, indexed, writer, options);
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace newsdex
