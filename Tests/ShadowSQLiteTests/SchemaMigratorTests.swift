import Testing
@testable import ShadowSQLite

@Suite struct SchemaMigratorTests {
    private static let tables = ["alias_history", "backtest_points", "backtests", "checkpoints", "disagreements", "drift", "feature_buckets", "latency", "latency_verdicts",
                                 "model_versions", "models", "monitor_state", "rejects", "runs", "schema_migrations",
                                 "timeline", "timeline_disagreements", "top_disagreements", "triggers"]

    @Test func emptyDatabaseIsMigratedToTheLatestVersion() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase.openShadowStore(path: dir.path("new.db"))
        #expect(try db.userVersion() == ShadowSchema.latestVersion)
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            $0.text(at: 0) ?? ""
        }
        #expect(tables == Self.tables)
        let applied = try db.query("SELECT version, name, applied_at FROM schema_migrations") {
            ($0.int64(at: 0), $0.text(at: 1) ?? "", $0.text(at: 2) ?? "")
        }
        #expect(applied.map(\.0) == Array(1...Int64(ShadowSchema.latestVersion)))
        #expect(applied.first?.1 == "initial")
        #expect(applied.first?.2.hasSuffix("Z") == true && applied.first?.2.count == 24)
        let indexes = try db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") {
            $0.text(at: 0) ?? ""
        }
        #expect(indexes.contains("disagreements_run_shadow_kind"))
    }

    @Test func connectionUsesWALNormalSyncAndForeignKeys() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase.openShadowStore(path: dir.path("pragmas.db"))
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalar("PRAGMA synchronous") == .integer(1))
        #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(try db.scalar("PRAGMA busy_timeout") == .integer(5000))
        #expect(throws: SQLiteError.self) {
            try db.run("INSERT INTO models(run_id, name, role, kind, location, digest) VALUES (42, 'm', 'shadow', 'k', '', '')")
        }
    }

    @Test func reopeningAppliesNothingAndKeepsData() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("reopen.db")
        do {
            let db = try SQLiteDatabase.openShadowStore(path: path)
            try db.run("INSERT INTO runs(started_at, config_path, inputs_json) VALUES ('t', 'c', '[]')")
        }
        let db = try SQLiteDatabase.openShadowStore(path: path)
        #expect(try ShadowSchema.migrator.migrate(db) == [])
        #expect(try db.scalar("SELECT count(*) FROM schema_migrations") == .integer(Int64(ShadowSchema.latestVersion)))
        #expect(try db.scalar("SELECT count(*) FROM runs") == .integer(1))
    }

    @Test func oldDatabaseIsUpgradedOneTransactionPerStep() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("old.db")
        let base = ShadowSchema.migrations
        let next = base.count + 1
        let extra = SchemaMigration(version: next, name: "notes", sql: "CREATE TABLE notes(run_id INTEGER, text TEXT)")
        do {
            let db = try SQLiteDatabase.openShadowStore(path: path)
            try db.run("INSERT INTO runs(started_at, config_path, inputs_json) VALUES ('t', 'c', '[]')")
        }
        let db = try SQLiteDatabase(path: path)
        let upgraded = SchemaMigrator(migrations: base + [extra])
        #expect(try upgraded.migrate(db) == [next])
        #expect(try db.userVersion() == next)
        #expect(try db.scalar("SELECT name FROM schema_migrations WHERE version = ?", .integer(Int64(next))) == .text("notes"))
        #expect(try db.scalar("SELECT count(*) FROM runs") == .integer(1))
    }

    @Test func failedMigrationLeavesThePreviousVersion() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("broken.db")
        _ = try SQLiteDatabase.openShadowStore(path: path)
        let next = ShadowSchema.latestVersion + 1
        let broken = SchemaMigration(version: next, name: "broken",
                                     sql: "CREATE TABLE half(x); INSERT INTO no_such_table VALUES (1)")
        let db = try SQLiteDatabase(path: path)
        let error = #expect(throws: SchemaError.self) {
            try SchemaMigrator(migrations: ShadowSchema.migrations + [broken]).migrate(db)
        }
        guard case .migrationFailed(_, let version, "broken", let underlying)? = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(version == next)
        #expect(underlying.message.contains("no_such_table"))
        #expect(try db.userVersion() == ShadowSchema.latestVersion)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == .integer(0))
    }

    @Test func newerDatabaseIsRefusedAndLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("future.db")
        do {
            let db = try SQLiteDatabase(path: path)
            try db.execute("PRAGMA user_version = 99")
        }
        let error = #expect(throws: SchemaError.self) { try SQLiteDatabase.openShadowStore(path: path) }
        #expect(error == .tooNew(path: path, found: 99, supported: ShadowSchema.latestVersion))
        #expect(error?.description.contains("schema version 99, newer than") == true)
        #expect(throws: SchemaError.self) { try SQLiteStore(path: path, settings: .init(path: path)) }
        #expect(throws: SchemaError.self) { try SQLiteDatabase.openShadowReader(path: path) }
        let db = try SQLiteDatabase(path: path)
        #expect(try db.scalar("PRAGMA journal_mode") == .text("delete"))
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master") == .integer(0))
    }

    @Test func readerRefusesAnUnmigratedDatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("plain.db")
        _ = try SQLiteDatabase(path: path)
        #expect(throws: SchemaError.outdated(path: path, found: 0, supported: ShadowSchema.latestVersion)) {
            try SQLiteDatabase.openShadowReader(path: path)
        }
        _ = try SQLiteDatabase.openShadowStore(path: path)
        let reader = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try reader.scalar("SELECT count(*) FROM runs") == .integer(0))
    }
}
