import ShadowCore
import Testing
@testable import ShadowSQLite

@Suite struct MemoryReplayStoreTests {
    @Test func keepsWhatTheSQLiteStoreKeeps() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("twin.db")
        let memory = MemoryReplayStore()
        let sqlite = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let rows = (0..<4).map { Fixtures.disagreement($0) }
        for store in [memory, sqlite] as [any ReplayStore] {
            let run = try store.beginRun(Fixtures.run)
            #expect(run == 1)
            try store.append(run: run, disagreements: rows, rejects: [Fixtures.reject(3)])
            try store.append(run: run, disagreements: [], rejects: [])
            try store.finishRun(run, summary: Fixtures.summary(run: run, records: 4, rejects: 1), latency: Fixtures.latency)
        }
        let stored = try #require(memory.run(1))
        #expect(stored.status == .done)
        #expect(stored.info == Fixtures.run)
        #expect(stored.disagreements == rows)
        #expect(stored.rejects == [Fixtures.reject(3)])
        #expect(stored.latency == Fixtures.latency)
        #expect(stored.summary == Fixtures.summary(run: 1, records: 4, rejects: 1))
        #expect(memory.appendCalls == 2)

        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(Int64(stored.disagreements.count)))
        #expect(try db.scalar("SELECT count(*) FROM rejects") == .integer(Int64(stored.rejects.count)))
        #expect(try db.scalar("SELECT count(*) FROM latency") == .integer(Int64(stored.latency.count)))
    }

    @Test func refusesUnknownRunsAndInjectedFailures() async throws {
        let memory = MemoryReplayStore()
        #expect(throws: MemoryReplayStore.Failure.unknownRun(3)) {
            try memory.append(run: 3, disagreements: [], rejects: [])
        }
        let run = try memory.beginRun(Fixtures.run)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for index in 0..<100 { try? memory.append(run: run, disagreements: [Fixtures.disagreement(task * 100 + index)], rejects: []) }
                }
            }
        }
        #expect(memory.run(run)?.disagreements.count == 400)
        memory.failWrites(with: "disk full")
        #expect(throws: MemoryReplayStore.Failure.injected("disk full")) {
            try memory.finishRun(run, summary: Fixtures.summary(run: run, records: 400), latency: [])
        }
        #expect(memory.runs.count == 1 && memory.run(run)?.status == .running)
    }
}
