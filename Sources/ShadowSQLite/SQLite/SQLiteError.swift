import CSQLite

/// A failed SQLite call: the result code, SQLite's message and the statement that failed.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The (extended) SQLite result code, e.g. 13 for `SQLITE_FULL`.
    public var code: Int32
    /// The text of `sqlite3_errmsg` at the time of failure.
    public var message: String
    /// The SQL being prepared or run, or an empty string for calls without one (open, close).
    public var sql: String

    /// Creates an error from its parts.
    public init(code: Int32, message: String, sql: String = "") {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Captures the current error of a connection.
    init(code: Int32, connection: OpaquePointer?, sql: String = "") {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// The primary result code (the low byte of `code`), e.g. `SQLITE_FULL` for any of its extended codes.
    public var primaryCode: Int32 { code & 0xff }

    /// SQLite's short English name of the result code, e.g. `database or disk is full`.
    public var codeDescription: String { String(cString: sqlite3_errstr(code)) }

    /// A one-line description naming the code, the message and the SQL.
    public var description: String {
        let head = "SQLite error \(code) (\(codeDescription)): \(message)"
        return sql.isEmpty ? head : "\(head) [in: \(sql)]"
    }
}
