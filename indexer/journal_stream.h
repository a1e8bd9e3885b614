// Whether newsdexd's stderr is systemd's journal (systemd sets $JOURNAL_STREAM to the
// device and inode of the stream it connected), and the syslog priority prefixes the
// journal reads off the start of each line ("<4>" warning, sd-daemon(3)), so that
// `journalctl -p warning` finds the warnings and errors of a service.
#pragma once

namespace newsdex {

enum class LogPriority { kError = 3, kWarning = 4, kInfo = 6, kDebug = 7 };

// True when stderr is the stream $JOURNAL_STREAM names; computed once.
bool stderr_is_journal();

// "<3>", "<4>", "<6>" or "<7>" when stderr is the journal, else "" (a terminal or a
// file gets the plain line).
const char* priority_prefix(LogPriority priority);

}  // namespace newsdex
