import CSQLite

extension SQLiteDatabase {
    /// The `sqlite3_open_v2` flags a database is opened with.
    public struct OpenFlags: OptionSet, Sendable {
        /// The raw `SQLITE_OPEN_*` bits.
        public let rawValue: Int32

        /// Creates flags from raw `SQLITE_OPEN_*` bits.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Open for reading only.
        public static let readOnly = OpenFlags(rawValue: SQLITE_OPEN_READONLY)
        /// Open for reading and writing.
        public static let readWrite = OpenFlags(rawValue: SQLITE_OPEN_READWRITE)
        /// Create the file when it does not exist (with `readWrite`).
        public static let create = OpenFlags(rawValue: SQLITE_OPEN_CREATE)
        /// Multi-thread mode: the caller guarantees one thread uses the connection at a time.
        public static let noMutex = OpenFlags(rawValue: SQLITE_OPEN_NOMUTEX)
        /// Serialized mode: SQLite locks the connection around every call.
        public static let fullMutex = OpenFlags(rawValue: SQLITE_OPEN_FULLMUTEX)
        /// Interpret the path as a `file:` URI.
        public static let uri = OpenFlags(rawValue: SQLITE_OPEN_URI)

        /// Read-write, created when missing, single-thread use: what the store's writer opens.
        public static let writer: OpenFlags = [.readWrite, .create, .noMutex]
    }
}
