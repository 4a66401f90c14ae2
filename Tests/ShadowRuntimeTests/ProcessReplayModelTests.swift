import Foundation
import ShadowCore
@testable import ShadowRuntime
import Testing

/// A real child (fixtures/process/echo_model.py) answering 0.1 × the sum of its features.
@Suite struct ProcessReplayModelTests {
    static let script = TempDirectory.repoRoot + "/fixtures/process/echo_model.py"
    static let schema = FeatureSchema(names: ["a", "b"])

    static func model(_ flags: [String] = [], timeoutMs: Int = 2000, maxInFlight: Int = 8,
                      backoffNanos: UInt64 = 100_000_000) throws -> ProcessReplayModel {
        let process = ProcessModelSettings(argv: ["python3", "echo_model.py"] + flags, directory:
                                            TempDirectory.repoRoot + "/fixtures/process", maxInFlight: maxInFlight)
        let settings = ModelSettings(name: "proc", role: .shadow, kind: .process, timeoutMs: timeoutMs,
                                     features: ["b", "a"], process: process)
        return try ProcessReplayModel(settings: settings, process: process, task: .regression, schema: schema,
                                      restartBackoffNanos: backoffNanos)
    }

    static func batch(_ range: Range<Int>) -> RecordBatch {
        let records = range.map { i in
            TrafficRecord(id: "r\(i)", epochMs: nil, features: [Double(i), 10], featuresJSON: 0..<0,
                          position: SourcePosition(file: "t", line: i, byteOffset: 0))
        }
        return RecordBatch(sequence: 0, records: records)
    }

    static func expected(_ i: Int) -> Double { 0.1 * (Double(i) + 10) }

    @Test func answersFollowTheFormula() async throws {
        let model = try Self.model()
        defer { model.shutdown() }
        let result = await model.predict(Self.batch(0..<40))
        #expect(result.errors.allSatisfy { $0 == nil })
        for i in 0..<40 { #expect(abs(result.values[i] - Self.expected(i)) < 1e-9) }
        #expect(model.processSummary.restarts == 0)
    }

    @Test func outOfOrderAnswersAreMatchedById() async throws {
        let model = try Self.model(["--reverse", "4"], maxInFlight: 4)
        defer { model.shutdown() }
        let result = await model.predict(Self.batch(0..<24))
        #expect(result.errors.allSatisfy { $0 == nil })
        for i in 0..<24 { #expect(abs(result.values[i] - Self.expected(i)) < 1e-9) }
    }

    @Test func crashFailsInFlightRecordsAndRestarts() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // A 1 s first backoff: the batch right after the crash lands inside it even on a loaded machine.
        let model = try Self.model(["--crash-after", "5", "--marker", dir.path + "/crashed"], maxInFlight: 4,
                                   backoffNanos: 1_000_000_000)
        defer { model.shutdown() }
        let first = await model.predict(Self.batch(0..<8))
        #expect(first.errors[0..<5].allSatisfy { $0 == nil })
        #expect(first.errors[5..<8].contains(.processDied))
        #expect(first.errors.allSatisfy { $0 == nil || $0 == .processDied })
        // Records arriving during the backoff are refused at once.
        let down = await model.predict(Self.batch(8..<10))
        #expect(down.errors.allSatisfy { $0 == .processDown })
        try await Task.sleep(nanoseconds: 1_200_000_000)
        let later = await model.predict(Self.batch(10..<20))
        #expect(later.errors.allSatisfy { $0 == nil })
        for i in 0..<10 { #expect(abs(later.values[i] - Self.expected(i + 10)) < 1e-9) }
        let usage = model.processSummary
        #expect(usage.restarts == 1)
        #expect(usage.peakRssKb > 1000)
        #expect(usage.cpuSeconds > 0)
    }

    @Test func silentChildGivesTimeouts() async throws {
        let model = try Self.model(["--silent"], timeoutMs: 150)
        defer { model.shutdown() }
        let start = ContinuousClock.now
        let result = await model.predict(Self.batch(0..<6))
        #expect(result.errors.allSatisfy { $0 == .timeout })
        // 150 ms timeouts, not the 2 s default or a hang (bound loose for a loaded 2-core box).
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func missingProgramFailsAtLoad() {
        let process = ProcessModelSettings(argv: ["./no-such-model"], directory: "/tmp")
        let settings = ModelSettings(name: "x", role: .shadow, kind: .process, features: ["a"], process: process)
        #expect(throws: (any Error).self) {
            _ = try ProcessReplayModel(settings: settings, process: process, task: .regression, schema: Self.schema)
        }
    }
}
