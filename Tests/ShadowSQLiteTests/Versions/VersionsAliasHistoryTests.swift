import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

/// The champion alias history: entries stored with who/when/why, and rollbacks undoing promotions newest first.
@Suite struct VersionsAliasHistoryTests {
    func open(_ dir: TemporaryDirectory) throws -> SQLiteDatabase {
        try SQLiteDatabase.openShadowStore(path: dir.path("h.db"))
    }

    func promote(_ model: String, from previous: String, in db: SQLiteDatabase) throws -> Int64 {
        try AliasHistory.append(AliasHistory.Entry(model: model, version: 2, digest: "d-\(model)", previous: previous,
                                                   action: .promote, actor: "alice", reason: "better",
                                                   gateJSON: #"{"passed":true}"#, configPath: "/etc/shadowd/shadowd.toml"),
                                in: db)
    }

    func rollback(_ undo: AliasHistory.Entry, in db: SQLiteDatabase) throws {
        try AliasHistory.append(AliasHistory.Entry(model: undo.previous!, version: nil, digest: nil,
                                                   previous: undo.model, action: .rollback, undoes: undo.id,
                                                   actor: "bob (sudo, uid 0)", reason: nil, configPath: nil), in: db)
    }

    @Test func entriesRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let db = try open(dir)
        defer { db.close() }
        let id = try promote("b", from: "a", in: db)
        let entries = try AliasHistory.entries(in: db)
        #expect(entries.count == 1)
        var entry = try #require(entries.first)
        #expect(entry.at.count == 24 && entry.at.hasSuffix("Z"))
        entry.at = ""
        #expect(entry == AliasHistory.Entry(id: id, model: "b", version: 2, digest: "d-b", previous: "a",
                                            action: .promote, actor: "alice", reason: "better",
                                            gateJSON: #"{"passed":true}"#, configPath: "/etc/shadowd/shadowd.toml"))
        #expect(try AliasHistory.entries(alias: "other", in: db).isEmpty)
    }

    @Test func rollbacksUndoPromotionsNewestFirst() throws {
        let dir = try TemporaryDirectory()
        let db = try open(dir)
        defer { db.close() }
        #expect(try AliasHistory.promotionToUndo(in: db) == nil)
        _ = try promote("b", from: "a", in: db)
        _ = try promote("c", from: "b", in: db)
        let first = try #require(try AliasHistory.promotionToUndo(in: db))
        #expect(first.model == "c" && first.previous == "b")
        try rollback(first, in: db)
        _ = try promote("d", from: "b", in: db)
        let second = try #require(try AliasHistory.promotionToUndo(in: db))
        #expect(second.model == "d")
        try rollback(second, in: db)
        let third = try #require(try AliasHistory.promotionToUndo(in: db))
        #expect(third.model == "b" && third.previous == "a")
        try rollback(third, in: db)
        #expect(try AliasHistory.promotionToUndo(in: db) == nil)
        #expect(try AliasHistory.entries(in: db).map { "\($0.action.rawValue) \($0.model) \($0.undoes ?? 0)" } == [
            "promote b 0", "promote c 0", "rollback b 2", "promote d 0", "rollback b 4", "rollback a 1",
        ])
    }

    @Test func verdictsDecodeFromTheirJSON() throws {
        let verdict = GateVerdict(shadow: "b", run: 3, champion: "a", records: 10, minRecords: 5, clauses: [],
                                  problem: nil, passed: true, forced: false)
        let entry = AliasHistory.Entry(model: "b", version: nil, digest: nil, previous: "a", action: .promote,
                                       actor: "x", reason: nil,
                                       gateJSON: String(decoding: try JSONEncoder().encode(verdict), as: UTF8.self),
                                       configPath: nil)
        #expect(AliasHistory.verdict(of: entry) == verdict)
        #expect(AliasHistory.verdict(of: AliasHistory.Entry(model: "b", version: nil, digest: nil, previous: nil,
                                                            action: .initial, actor: "x", reason: nil,
                                                            configPath: nil)) == nil)
    }
}
