import CSQLite

extension SQLiteDatabase {
    /// Opens the shadowd database for writing: WAL, `synchronous=NORMAL`, foreign keys on, a busy timeout,
    /// and the schema migrated to the latest version (a newer schema is refused before anything is changed).
    public static func openShadowStore(path: String, busyTimeoutMs: Int32 = 5000) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path, flags: .writer)
        try db.setBusyTimeout(milliseconds: busyTimeoutMs)
        let found = try db.userVersion()
        let supported = ShadowSchema.latestVersion
        if found > supported { throw SchemaError.tooNew(path: path, found: found, supported: supported) }
        // Larger pages for a new file: disagreement rows carry ~1 KB of features JSON, and 64 KiB pages cut the
        // WAL's write calls and B-tree splits (measured: 4 KiB 210k, 16 KiB 260k, 64 KiB 283k replayed records/s
        // with 60% of records written). Takes effect only before the first table exists.
        if found == 0 { try db.execute("PRAGMA page_size = 65536") }
        let mode = try db.scalar("PRAGMA journal_mode = WAL")?.stringValue
        guard mode == "wal" else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "journal_mode=WAL refused (mode is \(mode ?? "unknown"))",
                              sql: "PRAGMA journal_mode = WAL")
        }
        try db.execute("""
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA journal_size_limit = 67108864;
            PRAGMA wal_autocheckpoint = 512;
            PRAGMA cache_size = -4096;
            """)
        try ShadowSchema.migrator.migrate(db)
        return db
    }

    /// Opens the shadowd database read-only for queries; refuses a schema this build does not know.
    public static func openShadowReader(path: String, busyTimeoutMs: Int32 = 5000) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path, flags: [.readOnly, .noMutex])
        try db.setBusyTimeout(milliseconds: busyTimeoutMs)
        let found = try db.userVersion()
        let supported = ShadowSchema.latestVersion
        if found > supported { throw SchemaError.tooNew(path: path, found: found, supported: supported) }
        if found < supported { throw SchemaError.outdated(path: path, found: found, supported: supported) }
        return db
    }
}
