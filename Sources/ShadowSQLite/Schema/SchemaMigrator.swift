/// Brings a database to the latest schema version, one migration per transaction.
///
/// The version lives in `PRAGMA user_version`; each applied step is also recorded in `schema_migrations`.
/// A database whose version is newer than the code knows is refused rather than written to.
public struct SchemaMigrator: Sendable {
    /// The migrations in version order, 1 first.
    public let migrations: [SchemaMigration]

    /// Creates a migrator; versions must run 1, 2, 3, … without gaps.
    public init(migrations: [SchemaMigration]) {
        precondition(migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
                     "schema migrations must be numbered 1, 2, 3, … in order")
        self.migrations = migrations
    }

    /// The version a fully migrated database has.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every migration newer than the database's version and returns the versions applied.
    @discardableResult
    public func migrate(_ db: SQLiteDatabase) throws -> [Int] {
        let found = try db.userVersion()
        if found > latestVersion { throw SchemaError.tooNew(path: db.path, found: found, supported: latestVersion) }
        var applied: [Int] = []
        for migration in migrations where migration.version > found {
            let didApply = try db.transaction { () throws -> Bool in
                // Re-read under the write lock: another process may have migrated meanwhile.
                let current = try db.userVersion()
                if current > latestVersion {
                    throw SchemaError.tooNew(path: db.path, found: current, supported: latestVersion)
                }
                guard current < migration.version else { return false }
                do throws(SQLiteError) {
                    try db.execute(migration.sql)
                } catch {
                    throw SchemaError.migrationFailed(path: db.path, version: migration.version,
                                                      name: migration.name, underlying: error)
                }
                try db.run("""
                    INSERT INTO schema_migrations(version, name, applied_at)
                    VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """, .integer(Int64(migration.version)), .text(migration.name))
                try db.execute("PRAGMA user_version = \(migration.version)")
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }
}

/// Why a database's schema could not be used.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file was written by a newer shadowd: its schema version is above what this build knows.
    case tooNew(path: String, found: Int, supported: Int)
    /// The database is older than this build and was opened read-only, so it cannot be migrated.
    case outdated(path: String, found: Int, supported: Int)
    /// A migration's SQL failed; the database stays at the previous version.
    case migrationFailed(path: String, version: Int, name: String, underlying: SQLiteError)

    /// A sentence naming the file and the versions.
    public var description: String {
        switch self {
        case let .tooNew(path, found, supported):
            return "database \(path) has schema version \(found), newer than the \(supported) this shadowd "
                + "supports; upgrade shadowd or point it at another database"
        case let .outdated(path, found, supported):
            return "database \(path) has schema version \(found), older than the \(supported) this shadowd "
                + "reads; open it once for writing (any replay or the daemon) to migrate it"
        case let .migrationFailed(path, version, name, underlying):
            return "database \(path): migration \(version) (\(name)) failed: \(underlying)"
        }
    }
}
