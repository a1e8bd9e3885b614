// Reading Xapian stub files ourselves: the lines Xapian accepts, relative paths, and
// the loops Xapian would follow until its stack overflows.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/errors.h"
#include "core/stub_database.h"

using newsdex::DatabaseError;
using newsdex::read_shard_list;
using newsdex::ShardSpec;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/newsdex-stub-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    const std::string full = path + "/" + name;
    std::ofstream(full) << text;
    return full;
  }
};

}  // namespace

TEST_CASE("read_shard_list: a path that is no stub is itself") {
  TempDir dir;
  std::filesystem::create_directory(dir.path + "/db");
  auto shards = read_shard_list(dir.path + "/db");
  REQUIRE(shards.size() == 1);
  CHECK(shards[0].path == dir.path + "/db");
  CHECK(shards[0].listed_in.empty());
}

TEST_CASE("read_shard_list: every kind of line, nested stubs depth first") {
  TempDir dir;
  dir.write("inner.stub", "auto c.db\n");
  const std::string stub = dir.write("outer.stub",
                                     "# comment\n\nauto a.db\nglass /abs/b.db\nauto inner.stub\n"
                                     "remote example.org:33333\nremote [::1]:4444\n"
                                     "remote :xapian-progsrv /srv/db\n");
  auto shards = read_shard_list(stub);
  REQUIRE(shards.size() == 6);
  CHECK(shards[0].path == dir.path + "/a.db");
  CHECK(shards[1].kind == ShardSpec::Kind::Glass);
  CHECK(shards[1].path == "/abs/b.db");
  CHECK(shards[2].path == dir.path + "/c.db");
  CHECK(shards[2].listed_in == dir.path + "/inner.stub");
  CHECK(shards[3].kind == ShardSpec::Kind::RemoteTcp);
  CHECK(shards[3].name() == "example.org:33333");
  CHECK(shards[4].host == "::1");
  CHECK(shards[4].port == 4444);
  CHECK(shards[5].kind == ShardSpec::Kind::RemoteProgram);
  CHECK(shards[5].program == "xapian-progsrv");
  CHECK(shards[5].args == "/srv/db");
}

TEST_CASE("read_shard_list: loops, deep nesting and bad lines are DatabaseErrors") {
  TempDir dir;
  CHECK_THROWS_AS(read_shard_list(dir.write("self.stub", "auto self.stub\n")), DatabaseError);
  dir.write("b.stub", "auto a.stub\n");
  CHECK_THROWS_AS(read_shard_list(dir.write("a.stub", "auto b.stub\n")), DatabaseError);
  for (int i = 0; i < 20; ++i)
    dir.write("d" + std::to_string(i) + ".stub", "auto d" + std::to_string(i + 1) + ".stub\n");
  dir.write("d20.stub", "auto x.db\n");
  CHECK_THROWS_AS(read_shard_list(dir.path + "/d0.stub"), DatabaseError);
  for (const char* bad : {"frobnicate x\n", "auto\n", "remote\n", "remote host\n",
                          "remote host:port\n", "remote host:99999\n", "inmemory x\n"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(read_shard_list(dir.write("bad.stub", bad)), DatabaseError);
  }
  try {
    read_shard_list(dir.write("bad.stub", "auto x.db\nfrobnicate secret\n"));
  } catch (const DatabaseError& e) {
    // The line number, never the line: the file may not be a stub at all.
    CHECK(std::string(e.what()).find("bad.stub:2:") != std::string::npos);
    CHECK(std::string(e.what()).find("secret") == std::string::npos);
  }
}
