/// One step of the schema: a version number and the SQL that brings the previous version to it.
public struct SchemaMigration: Sendable, Equatable {
    /// The `PRAGMA user_version` the database has once this migration is applied (1, 2, 3, …).
    public var version: Int
    /// A short name for logs and the `schema_migrations` table's readers.
    public var name: String
    /// The statements to run, inside the migration's own transaction.
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
