import CSQLite
import Testing
@testable import ShadowSQLite

@Suite struct SQLiteDatabaseTests {
    @Test func valuesRoundTripThroughEveryBinding() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase(path: dir.path("values.db"))
        try db.execute("CREATE TABLE t(i INTEGER, d REAL, s TEXT, e TEXT, n TEXT, b BLOB)")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
        try insert.bind(Int64.min, at: 1)
        try insert.bind(-0.125, at: 2)
        try insert.bind("héllo ✓ 🐵", at: 3)
        try insert.bind("", at: 4)
        try insert.bindNull(at: 5)
        try insert.bind(blob: [0, 1, 255], at: 6)
        #expect(try insert.step() == false)

        let select = try db.prepare("SELECT i, d, s, e, n, b, typeof(e) FROM t")
        #expect(try select.step())
        #expect(select.int64(at: 0) == Int64.min)
        #expect(select.double(at: 1) == -0.125)
        #expect(select.text(at: 2) == "héllo ✓ 🐵")
        #expect(select.text(at: 3) == "")
        #expect(select.text(at: 4) == nil && select.isNull(at: 4))
        #expect(select.blob(at: 5) == [0, 1, 255])
        #expect(select.text(at: 6) == "text")
        #expect(select.columnName(at: 2) == "s")
        #expect(try select.step() == false)
    }

    @Test func noCopyTextIsReadWhileTheBufferLives() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase(path: dir.path("nocopy.db"))
        try db.execute("CREATE TABLE t(s TEXT)")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        for word in ["alpha", "", "ω"] {
            var bytes = Array(word.utf8)
            try bytes.withUnsafeBytes { buffer in
                try insert.bindNoCopy(utf8: buffer, at: 1)
                try insert.step()
            }
            insert.reset()
            bytes.removeAll()
        }
        let words = try db.query("SELECT s FROM t ORDER BY rowid") { $0.text(at: 0) }
        #expect(words == ["alpha", "", "ω"])
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase(path: dir.path("errors.db"))
        let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(syntax?.primaryCode == SQLITE_ERROR)
        #expect(syntax?.message.contains("syntax error") == true)
        #expect(syntax?.sql == "SELEC 1")

        try db.execute("CREATE TABLE u(x INTEGER PRIMARY KEY)")
        try db.run("INSERT INTO u VALUES (?)", 1)
        let duplicate = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO u VALUES (?)", 1) }
        #expect(duplicate?.primaryCode == SQLITE_CONSTRAINT)
        #expect(duplicate?.message.contains("UNIQUE constraint failed: u.x") == true)
        #expect(duplicate?.description.contains("INSERT INTO u") == true)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Abort: Error {}
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase(path: dir.path("tx.db"))
        try db.execute("CREATE TABLE t(x)")
        #expect(throws: Abort.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Abort()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
        try db.transaction { try db.run("INSERT INTO t VALUES (?)", .text("kept")) }
        #expect(try db.scalar("SELECT x FROM t") == .text("kept"))
    }

    @Test func openingAMissingFileReadOnlyFails() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: dir.path("missing.db"), flags: .readOnly)
        }
        #expect(error?.primaryCode == SQLITE_CANTOPEN)
    }
}
