/// Why the SQLite store refused or failed a call.
public enum SQLiteStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The writer thread could not write a table; rows committed before stay, nothing later is written.
    case writeFailed(table: String, path: String, underlying: SQLiteError)
    /// A run id the `runs` table does not hold.
    case unknownRun(Int64, path: String)
    /// The store was closed; no more calls are accepted.
    case closed(path: String)

    /// A sentence naming the table, the file and SQLite's message.
    public var description: String {
        switch self {
        case let .writeFailed(table, path, underlying):
            return "writing table \(table) of \(path) failed: \(underlying.message) "
                + "(SQLite error \(underlying.code): \(underlying.codeDescription))"
        case let .unknownRun(run, path):
            return "run \(run) does not exist in \(path)"
        case let .closed(path):
            return "the store for \(path) is closed"
        }
    }
}
