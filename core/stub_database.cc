#include "core/stub_database.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/errors.h"

namespace newsdex {
namespace {

// Deeper than any sensible layout of shards, and shallow enough that a stub listing
// another stub twice over and over cannot open an exponential number of databases.
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxShards = 10000;

bool is_regular_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// A single-file Xapian database is a regular file too, but starts with Xapian's magic.
bool has_xapian_magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[9] = {};
  return in.read(magic, sizeof magic) && std::memcmp(magic, "\x0f\x0dXapian ", 9) == 0;
}

// The stub file `path` means, or "" when it names a database itself. As Xapian
// decides: a regular file is a stub (unless it is a single-file database); a folder
// without a backend's marker file but with XAPIANDB is a "stub folder".
std::string stub_file_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return {};
  if (S_ISREG(st.st_mode)) return has_xapian_magic(path) ? std::string() : path;
  if (!S_ISDIR(st.st_mode)) return {};
  for (const char* marker : {"/iamglass", "/iamchert", "/iamhoney"})
    if (::access((path + marker).c_str(), F_OK) == 0) return {};
  const std::string stub = path + "/XAPIANDB";
  return is_regular_file(stub) ? stub : std::string();
}

// Relative paths in a stub are relative to the stub's folder (Xapian's rule).
std::string resolve_relative(const std::string& path, const std::string& stub) {
  if (path.empty() || path.front() == '/') return path;
  const auto slash = stub.rfind('/');
  return slash == std::string::npos ? path : stub.substr(0, slash + 1) + path;
}

class StubReader {
 public:
  std::vector<ShardSpec> read(const std::string& path) {
    ShardSpec self;
    self.path = path;
    expand(self, 0);
    return std::move(shards_);
  }

 private:
  void expand(ShardSpec spec, int depth) {
    const std::string stub = spec.kind == ShardSpec::Kind::Auto ? stub_file_of(spec.path) : "";
    if (stub.empty()) {
      if (shards_.size() >= kMaxShards)
        throw DatabaseError(spec.listed_in + ": stub databases list more than " +
                            std::to_string(kMaxShards) + " databases");
      shards_.push_back(std::move(spec));
      return;
    }
    std::error_code ec;
    const std::string key = std::filesystem::weakly_canonical(stub, ec).string();
    if (std::find(open_.begin(), open_.end(), key) != open_.end())
      throw DatabaseError(stub + ": stub database lists itself" +
                          (open_.back() == key ? "" : " (through " + open_.back() + ")"));
    if (depth >= kMaxDepth)
      throw DatabaseError(stub + ": stub databases nested more than " + std::to_string(kMaxDepth) +
                          " deep");
    open_.push_back(key);
    read_lines(stub, depth);
    open_.pop_back();
  }

  void read_lines(const std::string& stub, int depth) {
    std::ifstream in(stub);
    if (!in) {
      const int err = errno;
      throw DatabaseError(stub + (err == EACCES ? ": permission denied"
                                                : ": cannot read stub database: " +
                                                      std::string(std::strerror(err))));
    }
    std::string line;
    for (unsigned line_no = 1; std::getline(in, line); ++line_no) {
      if (line.empty() || line.front() == '#') continue;
      const auto space = line.find(' ');
      const std::string type = line.substr(0, space);
      const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
      ShardSpec spec;
      spec.listed_in = stub;
      if (!parse_line(type, rest, stub, spec))
        // As Xapian: the line number only, as the line may come from a file that is
        // not a stub at all and should not be shown.
        throw DatabaseError(stub + ":" + std::to_string(line_no) + ": bad line in stub database");
      expand(std::move(spec), depth + 1);
    }
  }

  static bool parse_line(const std::string& type, const std::string& rest, const std::string& stub,
                         ShardSpec& spec) {
    if (type == "auto" || type == "glass" || type == "chert") {
      spec.kind = type == "auto"    ? ShardSpec::Kind::Auto
                  : type == "glass" ? ShardSpec::Kind::Glass
                                    : ShardSpec::Kind::Chert;
      spec.path = resolve_relative(rest, stub);
      return !rest.empty();
    }
    if (type == "inmemory") {
      spec.kind = ShardSpec::Kind::InMemory;
      return rest.empty();
    }
    if (type != "remote" || rest.empty()) return false;
    if (rest.front() == ':') {  // remote :PROGRAM ARGS
      spec.kind = ShardSpec::Kind::RemoteProgram;
      const auto space = rest.find(' ');
      spec.program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
      spec.args = space == std::string::npos ? "" : rest.substr(space + 1);
      return !spec.program.empty();
    }
    const auto colon = rest.rfind(':');  // remote HOST:PORT, remote [IPv6]:PORT
    if (colon == std::string::npos || (rest.front() == '[' && rest.back() == ']')) return false;
    spec.kind = ShardSpec::Kind::RemoteTcp;
    spec.host = rest.substr(0, colon);
    if (spec.host.size() >= 2 && spec.host.front() == '[' && spec.host.back() == ']')
      spec.host = spec.host.substr(1, spec.host.size() - 2);
    const std::string port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos)
      return false;
    spec.port = static_cast<unsigned>(std::stoul(port));
    return spec.port > 0 && spec.port < 65536;
  }

  std::vector<std::string> open_;  // the stubs being read, outermost first
  std::vector<ShardSpec> shards_;
};

}  // namespace

std::string ShardSpec::name() const {
  switch (kind) {
    case Kind::RemoteTcp:
      return host + ":" + std::to_string(port);
    case Kind::RemoteProgram:
      return program;
    case Kind::InMemory:
      return listed_in + " (inmemory)";
    default:
      return path;
  }
}

std::vector<ShardSpec> read_shard_list(const std::string& path) {
  return StubReader().read(path);
}

}  // namespace newsdex
