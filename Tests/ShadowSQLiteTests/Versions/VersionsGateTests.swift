import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

/// The promotion gate: evidence read from a finished run, each clause judged, `min_records`, and the sentences
/// that say which clause failed with its measured value.
@Suite struct VersionsGateTests {
    /// A database with run 1 (done; candidate compared on 1000 records, 3 flips + 2 deltas; latencies from
    /// `Fixtures.latency`) and run 2 (still running).
    func database(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.path("g.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let run = try store.beginRun(Fixtures.run)
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 1000), latency: Fixtures.latency)
        _ = try store.beginRun(Fixtures.run)
        store.close()
        return path
    }

    @Test func evidenceComesFromTheLatestDoneRunWithTheShadow() throws {
        let dir = try TemporaryDirectory()
        let db = try SQLiteDatabase.openShadowReader(path: try database(dir))
        defer { db.close() }
        let evidence = try GateEvidence.load(shadow: "candidate", run: nil, from: db)
        #expect(evidence == GateEvidence(
            run: 1, shadow: "candidate", champion: "prod", compared: 1000, disagreements: 5, labelFlips: 3,
            shadowLatency: .init(requests: 1000, errors: 2, p50Ms: 0.3, p99Ms: 1.9, p999Ms: 3.5),
            championLatency: .init(requests: 1000, errors: 0, p50Ms: 0.2, p99Ms: 1.5, p999Ms: 3)))
        #expect(evidence.value(of: .disagreementRate) == .success(0.005))
        #expect(evidence.value(of: .labelFlipRate) == .success(0.003))
        #expect(evidence.value(of: .errorRate) == .success(0.002))
        #expect(evidence.value(of: .p50Ratio) == .success(0.3 / 0.2))
        #expect(evidence.value(of: .p99Ratio) == .success(1.9 / 1.5))
        #expect(evidence.value(of: .p999Ratio) == .success(3.5 / 3))
        #expect(evidence.value(of: .records) == .success(1000))

        #expect(throws: GateEvidence.Missing(description: "run 2 is running, not done")) {
            try GateEvidence.load(shadow: "candidate", run: 2, from: db)
        }
        #expect(throws: GateEvidence.Missing(description: "run 1 did not replay prod as a shadow")) {
            try GateEvidence.load(shadow: "prod", run: 1, from: db)
        }
        #expect(throws: GateEvidence.Missing(
            description: "no finished run has replayed other as a shadow; replay traffic first")) {
            try GateEvidence.load(shadow: "other", run: nil, from: db)
        }
    }

    func evidence(compared: Int = 1000) -> GateEvidence {
        GateEvidence(run: 1, shadow: "candidate", champion: "prod", compared: compared, disagreements: 5, labelFlips: 3,
                     shadowLatency: .init(requests: 1000, errors: 2, p50Ms: 0.3, p99Ms: 1.9, p999Ms: 3.5),
                     championLatency: .init(requests: 1000, errors: 0, p50Ms: 0.2, p99Ms: 1.5, p999Ms: 0))
    }

    @Test func passingGate() {
        let settings = PromotionSettings(gate: [GateClause(.disagreementRate, .less, 0.02),
                                                GateClause(.p99Ratio, .less, 1.3)], minRecords: 1000)
        let verdict = GateVerdict.evaluate(settings, shadow: "candidate", evidence: .success(evidence()))
        #expect(verdict.passed && verdict.failures.isEmpty)
        #expect(verdict.clauses.map(\.clause) == ["disagreement_rate < 0.02", "p99_ratio < 1.3"])
        #expect(verdict.clauses.map(\.measured) == [0.005, 1.9 / 1.5])
        #expect(verdict.run == 1 && verdict.records == 1000 && verdict.champion == "prod")
    }

    @Test func failingClausesAreNamedWithTheirMeasuredValues() {
        let settings = PromotionSettings(gate: [GateClause(.disagreementRate, .less, 0.002),
                                                GateClause(.p99Ratio, .less, 1.1),
                                                GateClause(.p999Ratio, .less, 2),
                                                GateClause(.errorRate, .lessOrEqual, 0.01)], minRecords: 10_000)
        let verdict = GateVerdict.evaluate(settings, shadow: "candidate", evidence: .success(evidence()))
        #expect(!verdict.passed)
        #expect(verdict.clauses.map(\.passed) == [false, false, false, true])
        #expect(verdict.failures == [
            "run 1 covers 1,000 records for candidate, fewer than min_records = 10,000",
            "disagreement_rate < 0.002 failed: measured 0.005 in run 1",
            "p99_ratio < 1.1 failed: measured 1.267 in run 1",
            "p999_ratio < 2 cannot be judged: the champion's p99.9 latency in run 1 is 0",
        ])
    }

    @Test func tooFewRecordsAloneFails() {
        let settings = PromotionSettings(gate: [], minRecords: 1001)
        let verdict = GateVerdict.evaluate(settings, shadow: "candidate", evidence: .success(evidence()))
        #expect(!verdict.passed)
        #expect(verdict.failures == ["run 1 covers 1,000 records for candidate, fewer than min_records = 1,001"])
        let zero = GateVerdict.evaluate(PromotionSettings(gate: [GateClause(.labelFlipRate, .less, 1)]),
                                        shadow: "candidate", evidence: .success(evidence(compared: 0)))
        #expect(zero.failures == ["label_flip_rate < 1 cannot be judged: run 1 compared no records for candidate"])
    }

    @Test func missingEvidenceFailsAGateButNotAnAbsentOne() {
        let missing = GateEvidence.Missing(description: "no finished run has replayed x as a shadow; replay traffic first")
        let gated = GateVerdict.evaluate(PromotionSettings(gate: [GateClause(.records, .greater, 0)]), shadow: "x",
                                         evidence: .failure(missing))
        #expect(!gated.passed && gated.failures == [missing.description])
        let open = GateVerdict.evaluate(PromotionSettings(), shadow: "x", evidence: .failure(missing))
        #expect(open.passed && open.failures.isEmpty)
    }

    @Test func verdictsRoundTripAsJSON() throws {
        var verdict = GateVerdict.evaluate(PromotionSettings(gate: [GateClause(.p99Ratio, .less, 1.1)]),
                                           shadow: "candidate", evidence: .success(evidence()))
        verdict.forced = true
        let data = try JSONEncoder().encode(verdict)
        #expect(try JSONDecoder().decode(GateVerdict.self, from: data) == verdict)
    }

    @Test func numbersForPeople() {
        #expect(GateVerdict.show(12_300) == "12,300")
        #expect(GateVerdict.show(0.18414634) == "0.1841")
        #expect(GateVerdict.show(1.0833333) == "1.083")
        #expect(GateVerdict.show(-1_000_000) == "-1,000,000")
    }
}
