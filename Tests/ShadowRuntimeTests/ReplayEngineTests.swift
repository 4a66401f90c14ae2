import Testing
import ShadowCore
@testable import ShadowRuntime

@Suite struct ReplayEngineTests {
    /// 2,000 records with x = 0…1999; the champion says x/2000, the shadow disagrees in scripted ways.
    func traffic(_ dir: TempDirectory, count: Int = 2000, extra: String = "") throws -> String {
        var lines = (0..<count).map { i in
            "{\"id\":\"r-\(i)\",\"epoch_ms\":\(1_700_000_000_000 + i),\"features\":{\"x\":\(i)}}"
        }
        if !extra.isEmpty { lines.insert(extra, at: count / 2) }
        return try dir.file("traffic.jsonl", lines.joined(separator: "\n") + "\n")
    }

    func engine(_ store: any ReplayStore, batchSize: Int = 64, maxInFlight: Int = 4) -> ReplayEngine {
        let champion = ScriptedModel(name: "champ", role: .champion) { .success($0.features[0] / 2000) }
        let shadow = ScriptedModel(name: "cand", role: .shadow) { record in
            let x = record.features[0]
            if x.truncatingRemainder(dividingBy: 100) == 7 { return .failure(.timeout) }   // 20 errors
            if x >= 990 && x < 1010 { return .success(1 - x / 2000) }                      // flips around 0.5
            if x < 50 { return .success(x / 2000 + 0.2) }                                   // 50 score deltas
            return .success(x / 2000 + 0.001)                                               // agrees
        }
        var settings = ShadowSettings(models: [])
        settings.compare = CompareSettings(task: .binary, threshold: 0.5, absTolerance: 0.01)
        settings.replay = ReplaySettings(batchSize: batchSize, maxInFlight: maxInFlight)
        let set = ModelSet(models: [champion, shadow], comparator: Comparator(settings: settings.compare),
                           schema: FeatureSchema(names: ["x"]), storeFeatures: true)
        return ReplayEngine(settings: settings, modelSet: set, store: store)
    }

    @Test(arguments: [(1, 1), (64, 4), (7, 32)])
    func countsEveryKindWhateverTheBatching(batchSize: Int, maxInFlight: Int) async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = MemoryReplayStore()
        let summary = try await engine(store, batchSize: batchSize, maxInFlight: maxInFlight)
            .run(inputs: [try traffic(dir)], configPath: "test.toml")
        #expect(summary.records == 2000)
        #expect(summary.rejects == 0)
        let cand = try #require(summary.shadows.first)
        #expect(cand.compared == 2000)
        #expect(cand.shadowError == 20)
        // x in 990..<1010 flips, except x = 1000 (0.5 on both sides) and x = 1007 (an error).
        #expect(cand.labelFlip == 18)
        #expect(cand.scoreDelta == 49)   // x < 50 minus x = 7 (an error)
        let stored = try #require(store.run(summary.run))
        #expect(stored.disagreements.count == cand.total)
        #expect(stored.status == .done)
        // Results are committed in input order, whatever order batches finished in.
        let ids = stored.disagreements.map { Int($0.recordID.dropFirst(2))! }
        #expect(ids == ids.sorted())
        #expect(summary.models.map(\.errors) == [0, 20])
        #expect(summary.models.map(\.requests) == [2000, 2000])
        #expect(stored.latency.map(\.count) == [2000, 2000])
    }

    @Test func disagreementRowsCarryOutputsFeaturesAndTime() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = MemoryReplayStore()
        let summary = try await engine(store).run(inputs: [try traffic(dir)], configPath: "t")
        let rows = try #require(store.run(summary.run)).disagreements
        let error = try #require(rows.first { $0.recordID == "r-7" })
        #expect(error.kind == .shadowError)
        #expect(error.shadowOutput == "{\"error\":\"timeout\"}")
        #expect(error.championOutput == "0.0035")
        #expect(error.delta == nil)
        #expect(error.featuresJSON == "{\"x\":7}")
        #expect(error.recordTimeMs == 1_700_000_000_007)
        let flip = try #require(rows.first { $0.recordID == "r-1005" })
        #expect(flip.kind == .labelFlip)
        #expect(abs(flip.delta! - 0.005) < 1e-12)
    }

    @Test func badLinesAreRejectedAndTheRunGoesOn() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = MemoryReplayStore()
        let path = try traffic(dir, count: 100, extra: "{\"id\":\"broken\",\"features\":{\"x\":")
        let summary = try await engine(store).run(inputs: [path], configPath: "t")
        #expect(summary.records == 100)
        #expect(summary.rejects == 1)
        let reject = try #require(store.run(summary.run)?.rejects.first)
        #expect(reject.position.line == 51)
        #expect(reject.code == .malformedJSON)
    }

    @Test func aMissingInputFailsBeforeTheRunStarts() async throws {
        let store = MemoryReplayStore()
        await #expect(throws: ReplayEngine.ReplayError.self) {
            _ = try await engine(store).run(inputs: ["/nonexistent/traffic.jsonl"], configPath: "t")
        }
        #expect(store.runs.isEmpty)
    }

    @Test func aStoreFailureStopsTheReplayWithTheStoreError() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = MemoryReplayStore()
        store.failWrites(with: "disk full")
        await #expect(throws: MemoryReplayStore.Failure.self) {
            _ = try await engine(store).run(inputs: [try traffic(dir)], configPath: "t")
        }
    }

    @Test func aRunThatStopsIsMarkedFailedWithWhatWasRead() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let inner = MemoryReplayStore()
        let store = AppendLimitStore(inner: inner, appendsAllowed: 3)
        await #expect(throws: AppendLimitStore.Refused.self) {
            _ = try await engine(store, batchSize: 100).run(inputs: [try traffic(dir)], configPath: "t")
        }
        let run = try #require(inner.runs.first)
        #expect(run.status == .failed)
        #expect(run.summary?.records == 300)
        #expect(run.disagreements.allSatisfy { Int($0.recordID.dropFirst(2))! < 300 })
    }
}

/// A store that refuses appends after a number of them, to stop a run part-way.
final class AppendLimitStore: ReplayStore, @unchecked Sendable {
    struct Refused: Error {}
    let inner: MemoryReplayStore
    var remaining: Int

    init(inner: MemoryReplayStore, appendsAllowed: Int) {
        self.inner = inner
        remaining = appendsAllowed
    }

    func beginRun(_ run: RunInfo) throws -> Int64 { try inner.beginRun(run) }

    func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject],
                checkpoint: SourceCheckpoint?) throws {
        if remaining == 0 { throw Refused() }
        remaining -= 1
        try inner.append(run: run, disagreements: disagreements, rejects: rejects, checkpoint: checkpoint)
    }

    func checkpoint(for source: String) throws -> SourceCheckpoint? { try inner.checkpoint(for: source) }

    func finishRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try inner.finishRun(run, summary: summary, latency: latency)
    }

    func failRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try inner.failRun(run, summary: summary, latency: latency)
    }
}
