#include <sqlite3.h>

/// Turns off SQLite's memory statistics (each allocation then skips a global mutex); must run before the library
/// is initialized, i.e. before the first connection opens. Returns SQLITE_OK, or SQLITE_MISUSE when too late.
static inline int shadow_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

