// Xapian stub databases (a file, or a folder's XAPIANDB file, listing databases one a
// line: "auto PATH", "glass PATH", "remote HOST:PORT", "remote :PROGRAM ARGS") read by
// newsdex itself rather than by Xapian, for two reasons: Xapian follows a stub that
// lists itself, or two stubs that list each other, until the stack overflows
// (SIGSEGV); and only with the list in hand can each shard be opened on its own, to
// read its metadata (which corpus folder its paths are relative to).
#pragma once

#include <string>
#include <vector>

namespace newsdex {

// One database a stub lists, after nested stubs are followed.
struct ShardSpec {
  enum class Kind { Auto, Glass, Chert, InMemory, RemoteTcp, RemoteProgram };
  Kind kind = Kind::Auto;
  std::string path;  // Auto, Glass, Chert: the database (relative ones resolved)
  std::string host;  // RemoteTcp
  unsigned port = 0;
  std::string program, args;  // RemoteProgram
  std::string listed_in;      // the stub file naming it ("" for the path itself)

  // How a message names it: the path, HOST:PORT or the program.
  std::string name() const;
};

// The databases `path` stands for, in the order Xapian numbers their documents (a
// stub's lines depth first): `path` itself unless it is a stub file or a folder with
// a XAPIANDB stub. Throws DatabaseError (exit 3) for a stub that lists itself (or a
// loop of stubs), stubs nested too deep, a stub that cannot be read (permission
// denied is said so) and a line Xapian would not accept either.
std::vector<ShardSpec> read_shard_list(const std::string& path);

}  // namespace newsdex
