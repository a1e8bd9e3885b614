#include "indexer/status_file.h"

#include "core/paths.h"
#include "indexer/journal_stream.h"
#include "indexer/service_notifier.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

namespace newsdex {

std::string iso8601_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

StatusFile::StatusFile(std::string db_path, std::string corpus)
    : path_(std::move(db_path) + "/status.json"),
      corpus_(absolute_folder(corpus)),
      started_(std::time(nullptr)) {}

StatusFile::~StatusFile() {
  if (std::string_view(state_) != "stopped") set_state("stopped");
}

void StatusFile::set_state(const char* state) {
  state_ = state;
  write();
  notify();
}

void StatusFile::set_queue(std::size_t n) {
  const bool changed = n != queue_;
  queue_ = n;
  if (changed && std::time(nullptr) != last_write_) write();
  notify();
}

void StatusFile::set_documents(std::uint64_t revision, std::uint64_t documents) {
  revision_ = revision;
  documents_ = documents;
}

void StatusFile::committed(std::uint64_t revision, std::uint64_t documents) {
  set_documents(revision, documents);
  last_commit_ = std::time(nullptr);
  write();
  notify();
}

void StatusFile::notify() {
  if (!notifier_) return;
  notifier_->keepalive();
  notifier_->status(state_, documents_, queue_);
}

void StatusFile::failed(const std::string& path, const std::string& reason) {
  ++failed_total_;
  if (failures_.size() == kMaxFailures) failures_.pop_front();
  failures_.emplace_back(path, reason);
}

void StatusFile::write() {
  last_write_ = std::time(nullptr);
  // Ordered keys: `newsdex status` prints them in this order.
  nlohmann::ordered_json j;
  j["state"] = state_;
  j["pid"] = static_cast<long>(getpid());
  j["corpus"] = corpus_;
  j["documents"] = documents_;
  j["queue"] = queue_;
  j["revision"] = revision_;
  j["last_commit"] = last_commit_ ? iso8601_utc(last_commit_) : "";
  j["last_rescan"] = last_rescan_ ? iso8601_utc(last_rescan_) : "";
  j["started"] = iso8601_utc(started_);
  j["failed"] = failed_total_;
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  for (const auto& [path, reason] : failures_) files[path] = reason;
  j["failed_files"] = files;
  const std::string text = j.dump(2) + "\n";

  const std::string tmp = path_ + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f) ok = std::fclose(f) == 0 && ok;
  ok = ok && std::rename(tmp.c_str(), path_.c_str()) == 0;
  if (!ok && !warned_) {
    warned_ = true;
    std::fprintf(stderr, "%snewsdexd: %s: cannot write status file: %s\n",
                 priority_prefix(LogPriority::kWarning), path_.c_str(), std::strerror(errno));
  }
}

}  // namespace newsdex
