import ShadowConfig
import ShadowCore
import Synchronization
import Testing
@testable import ShadowRuntime

/// A model that answers after a delay (a stall on one record), counting how many requests overlap.
final class DelayModel: ReplayModel, Sendable {
    let name: String
    let role: ModelRole
    let task: ModelTask = .binary
    let digest = "delay"
    let delayNanos: UInt64
    let stallRecord: String?
    let stallNanos: UInt64
    private let overlap = Mutex((now: 0, peak: 0))

    init(name: String, role: ModelRole, delayNanos: UInt64, stallRecord: String? = nil, stallNanos: UInt64 = 0) {
        self.name = name
        self.role = role
        self.delayNanos = delayNanos
        self.stallRecord = stallRecord
        self.stallNanos = stallNanos
    }

    var peakOverlap: Int { overlap.withLock { $0.peak } }

    func predict(_ batch: RecordBatch) async -> PredictionBatch {
        overlap.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
        let stall = batch.records.contains { $0.id == stallRecord }
        let wait = stall ? stallNanos : delayNanos
        if wait > 0 { try? await Task.sleep(nanoseconds: wait) }
        var out = PredictionBatch(count: batch.records.count, width: 1)
        for (i, record) in batch.records.enumerated() { out.values[i] = record.features[0] / 1000 }
        overlap.withLock { $0.now -= 1 }
        return out
    }
}

@Suite(.serialized) struct LoadReplayTests {
    func traffic(_ dir: TempDirectory, count: Int) throws -> String {
        let lines = (0..<count).map { i in
            "{\"id\":\"r-\(i)\",\"epoch_ms\":\(1_700_000_000_000 + i * 10),\"features\":{\"x\":\(i)}}"
        }
        return try dir.file("traffic.jsonl", lines.joined(separator: "\n") + "\n")
    }

    func replay(_ models: [any ReplayModel], _ load: LoadSettings, file: String,
                store: MemoryReplayStore = MemoryReplayStore()) async throws -> (RunSummary, LoadReport) {
        var settings = ShadowSettings(models: [])
        settings.replay = ReplaySettings(batchSize: 32, maxInFlight: 4)
        let set = ModelSet(models: models, comparator: Comparator(settings: settings.compare),
                           schema: FeatureSchema(names: ["x"]), storeFeatures: false)
        return try await LoadReplay(settings: settings, load: load, modelSet: set, store: store)
            .run(inputs: [file], configPath: "test.toml")
    }

    @Test func constantRateIsOfferedAndAchieved() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = MemoryReplayStore()
        let (summary, report) = try await replay(
            [DelayModel(name: "a", role: .champion, delayNanos: 0), DelayModel(name: "b", role: .shadow, delayNanos: 0)],
            LoadSettings(profile: .constant(rate: 2000)), file: try traffic(dir, count: 400), store: store)
        #expect(summary.records == 400)
        #expect(report.requests == 400)
        #expect(abs(try #require(report.offeredRate) - 2000) < 1)
        // Never faster than offered; the exact rate is checked by scripts/load-e2e.sh (unit tests share the cores).
        #expect(report.achievedRate > 50 && report.achievedRate < 2050, "achieved \(report.achievedRate)/s")
        #expect(report.models.map(\.requests) == [400, 400])
        #expect(report.profile == "constant rate=2000/s")
        #expect(store.run(summary.run)?.info.manifest?.profile == "constant rate=2000/s")
        #expect(report.verdicts.map(\.percentile) == [50, 90, 99])
    }

    @Test func aStallShowsInTheCorrectedLatencyOnly() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // One request at a time (a single connection): the stall holds back the requests due behind it.
        let champion = DelayModel(name: "a", role: .champion, delayNanos: 500_000, stallRecord: "r-40",
                                  stallNanos: 200_000_000)
        // 400 records: the stalled one and a few slow ones on a loaded box stay above the service p99.
        let (_, report) = try await replay([champion], LoadSettings(profile: .constant(rate: 400), maxInFlight: 1),
                                           file: try traffic(dir, count: 400))
        let m = report.models[0]
        #expect(m.serviceP99Ms < 50, "service p99 \(m.serviceP99Ms)")
        #expect(m.p99Ms > 100, "corrected p99 \(m.p99Ms)")
        #expect(m.maxMs >= 199)
        #expect(m.capHits > 10)
        #expect(m.serviceMaxMs >= 199)
        #expect(report.lagMaxMs > 100)
    }

    @Test func closedLoopKeepsItsConcurrency() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let a = DelayModel(name: "a", role: .champion, delayNanos: 300_000)
        let b = DelayModel(name: "b", role: .shadow, delayNanos: 600_000)
        let (summary, report) = try await replay([a, b], LoadSettings(profile: .closed(concurrency: 3)),
                                                 file: try traffic(dir, count: 120))
        #expect(summary.records == 120)
        #expect(a.peakOverlap <= 3 && b.peakOverlap <= 3)
        #expect(b.peakOverlap >= 2)
        #expect(report.offeredRate == nil)
        // b is about twice as slow as a.
        let p50 = try #require(report.verdicts.first { $0.percentile == 50 })
        #expect(p50.ratio > 1.3, "ratio \(p50.ratio)")
    }

    @Test func recordedPaceFollowsTheRecordTimes() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // Records 10 ms apart replayed ×4: 2.5 ms apart, 400 req/s.
        let (_, report) = try await replay([DelayModel(name: "a", role: .champion, delayNanos: 0)],
                                           LoadSettings(profile: .recorded(speed: 4, maxGapSeconds: 1)),
                                           file: try traffic(dir, count: 120))
        #expect(abs(try #require(report.offeredRate) - 400) < 1)
        #expect(report.achievedRate > 100 && report.achievedRate < 410, "achieved \(report.achievedRate)/s")
    }
}
