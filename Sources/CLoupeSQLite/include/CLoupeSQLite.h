#ifndef CLOUPE_SQLITE_H
#define CLOUPE_SQLITE_H

/// Sets SQLite's process-wide options the embedded store wants, before any connection opens:
/// multi-thread mode (GRDB already gives each connection to one thread at a time, so SQLite's
/// per-call connection mutex is pure cost) and no memory statistics (a global mutex on every
/// allocation). `sqlite3_config` is variadic, which Swift cannot call, hence this C function.
/// Returns 0 (SQLITE_OK) when both took effect; SQLite refuses once it is initialised.
int loupe_sqlite_configure(void);

#endif
