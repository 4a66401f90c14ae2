import CSQLite

/// One SQLite connection: open, run SQL, prepare statements, manage transactions.
///
/// A connection is not thread-safe by itself: use it from one thread at a time (the store gives its connection
/// to its writer thread alone).
public final class SQLiteDatabase {
    /// The raw `sqlite3 *` handle, for calls this wrapper does not cover.
    public private(set) var handle: OpaquePointer?
    /// The path the connection was opened with.
    public let path: String

    /// Opens (and with `.create`, creates) the database at `path`.
    public init(path: String, flags: OpenFlags = [.readWrite, .create]) throws(SQLiteError) {
        _ = Self.configured
        self.path = path
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags.rawValue | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK else {
            let error = SQLiteError(code: rc, connection: db, sql: "open \(path)")
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    /// Process-wide settings applied once, before the first connection initializes the library: memory statistics
    /// off, so SQLite's allocations take no global mutex (the store's writer and readers allocate concurrently).
    private static let configured: Void = {
        _ = shadow_sqlite_disable_memstatus()
    }()

    deinit {
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Closes the connection; statements still alive keep it open until they are finalized.
    public func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs one or more SQL statements that return no rows needed by the caller.
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Compiles one SQL statement.
    public func prepare(_ sql: String, persistent: Bool = false) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql, persistent: persistent)
    }

    /// Runs a statement with its parameters bound in order and returns nothing.
    public func run(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs a query and maps every row.
    public func query<T>(_ sql: String, _ values: SQLiteValue..., row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first column of the first row of a query, or nil when it returns no row.
    public func scalar(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) -> SQLiteValue? {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.step() ? statement.value(at: 0) : nil
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            rollbackIfNeeded()
            throw error
        }
    }

    /// Rolls back the open transaction, if any (SQLite may already have rolled back after some errors).
    public func rollbackIfNeeded() {
        if isInTransaction { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        let rc = sqlite3_busy_timeout(handle, milliseconds)
        guard rc == SQLITE_OK else { throw SQLiteError(code: rc, connection: handle, sql: "busy_timeout") }
    }

    /// Reads the `PRAGMA user_version` header field.
    public func userVersion() throws(SQLiteError) -> Int {
        try scalar("PRAGMA user_version")?.intValue ?? 0
    }
}
