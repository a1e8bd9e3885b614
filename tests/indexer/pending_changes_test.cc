// Batching watched changes: coalesced per path, due when the folder is quiet, when the
// oldest change has waited the commit interval, or at once when the batch is full.
#include <doctest/doctest.h>

#include <chrono>

#include "indexer/pending_changes.h"

using newsdex::PendingChanges;
using namespace std::chrono_literals;

namespace {
const PendingChanges::Clock::time_point t0{};
}  // namespace

TEST_CASE("pending changes: nothing is due without a change") {
  PendingChanges p(200ms, 5s, 100);
  CHECK_FALSE(p.due().has_value());
  CHECK(p.size() == 0);
  CHECK(p.take().empty());
}

TEST_CASE("pending changes: a path changed many times is one entry") {
  PendingChanges p(200ms, 5s, 100);
  for (int i = 0; i < 10; ++i) p.add_file("world/a.txt", t0 + i * 10ms);
  p.add_folder("sport", t0 + 100ms);
  p.add_folder("sport", t0 + 110ms);
  CHECK(p.size() == 2);
  const auto batch = p.take();
  CHECK(batch.files == std::set<std::string>{"world/a.txt"});
  CHECK(batch.folders == std::set<std::string>{"sport"});
}

TEST_CASE("pending changes: a burst is due once the folder has been quiet") {
  PendingChanges p(200ms, 5s, 100);
  p.add_file("a.txt", t0);
  CHECK(p.due() == t0 + 200ms);
  p.add_file("b.txt", t0 + 150ms);  // every event moves the quiet deadline on
  CHECK(p.due() == t0 + 350ms);
}

TEST_CASE("pending changes: a long burst is due when its oldest change has waited") {
  PendingChanges p(200ms, 1s, 100);
  p.add_file("a.txt", t0);
  for (int i = 1; i <= 20; ++i) p.add_file("f" + std::to_string(i) + ".txt", t0 + i * 100ms);
  CHECK(p.due() == t0 + 1s);
}

TEST_CASE("pending changes: a full batch is due at once") {
  PendingChanges p(200ms, 5s, 3);
  p.add_file("a.txt", t0);
  p.add_file("b.txt", t0 + 10ms);
  CHECK(p.due() == t0 + 200ms + 10ms);
  p.add_folder("c", t0 + 20ms);
  CHECK(p.due() == t0);
}

TEST_CASE("pending changes: taking the batch starts a new one") {
  PendingChanges p(200ms, 5s, 100);
  p.add_file("a.txt", t0);
  CHECK(p.take().files.size() == 1);
  CHECK_FALSE(p.due().has_value());
  p.add_file("b.txt", t0 + 10s);  // the new batch's clock starts with its first change
  CHECK(p.due() == t0 + 10s + 200ms);
  p.clear();
  CHECK(p.size() == 0);
}
