// Errors that cross module boundaries carry the exit code of the contract, so each
// binary turns any failure into one line on stderr and the right status at one place.
#pragma once

#include <stdexcept>
#include <string>

namespace newsdex {

enum ExitCode : int {
  kExitOk = 0,
  kExitNoMatch = 1,   // also: newsdexd --once when some file failed
  kExitUsage = 2,     // usage error, unparsable query, malformed schema
  kExitDatabase = 3,  // database missing, corrupt, locked or of another layout
  // --format-version asked for a version of the JSON output this newsdex no longer
  // writes, or does not write yet (notmuch's codes for the same two cases).
  kExitFormatTooOld = 20,
  kExitFormatTooNew = 21,
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// A malformed schema or usage error: exit 2.
struct UsageError : Error {
  explicit UsageError(const std::string& message) : Error(kExitUsage, message) {}
};

// A database that cannot be opened, read or written: exit 3.
struct DatabaseError : Error {
  explicit DatabaseError(const std::string& message) : Error(kExitDatabase, message) {}
};

// The database is held by another writer: a type of its own, so that newsdexd can say
// who holds it without matching the message's words.
struct DatabaseLockedError : DatabaseError {
  explicit DatabaseLockedError(const std::string& message) : DatabaseError(message) {}
};

}  // namespace newsdex
