import Testing
import ShadowCore
import ShadowDrift
@testable import ShadowMonitor

/// The monitor without I/O on the drift fixtures: fires soon after a real shift, never on stable streams.
@Suite struct RunMonitorTests {
    static func settings(reference: DriftSettings.Reference = .firstN) -> DriftSettings {
        DriftSettings(enabled: true, window: 1000, step: 250, reference: reference, referenceRecords: 5000,
                      statistics: [.psi, .ks, .chi2],
                      rules: [
                          DriftSettings.Rule(name: "features", combine: .any,
                                             signals: ["ks_pvalue:x0", "ks_pvalue:x1", "ks_pvalue:x2"],
                                             warn: 1e-3, alert: 1e-4, retrain: true),
                          DriftSettings.Rule(name: "psi", signals: ["psi:x0"], warn: 0.1, alert: 0.25),
                      ])
    }

    /// The shifted stream's reports, computed once for the tests that read them.
    static let gaussReports = run(DriftStreams.rows("gauss_mean_shift"), settings())

    static func run(_ rows: [DriftStreams.Row], _ settings: DriftSettings) -> [WindowReport] {
        var monitor = RunMonitor(run: 1, plan: MonitorPlan(settings), compare: CompareSettings())
        return DriftStreams.batches(rows, run: 1).flatMap { monitor.observe($0) }
    }

    @Test func meanShiftAlertsWithinAFewHundredRecords() throws {
        let reports = Self.gaussReports
        let triggers = reports.flatMap(\.triggers)
        #expect(reports.count == (20_000 - 5_000 - 1_000) / 250 + 1)
        let alert = try #require(triggers.first { $0.rule == "features" && $0.level == .alert })
        let at = DriftStreams.index(ofMs: try #require(alert.atMs))
        #expect(at > 10_000 && at <= 10_600, "alert at record \(at)")
        #expect(alert.signal == "ks_pvalue:x0")
        #expect(triggers.contains { $0.level == .retrain && $0.window == alert.window })
        #expect(!triggers.contains { DriftStreams.index(ofMs: $0.atMs!) <= 10_000 }, "false alarm before the shift")
        // c0's shares move too: the chi2 p-value of the first full post-shift window is tiny.
        let chi2 = reports.first { DriftStreams.index(ofMs: $0.startMs!) >= 10_000 }!.values.first { $0.signal == "chi2_pvalue:c0" }
        #expect(try #require(chi2).value < 1e-6)
    }

    @Test func timeWindowsTumbleOnRecordTimeAndCatchTheShift() throws {
        var settings = Self.settings()
        settings.window = 2000          // a cap: a window keeps its latest 2000 records
        settings.windowSeconds = 30_000 // 1000 records at one record every 30 s
        let reports = Self.run(DriftStreams.rows("gauss_mean_shift"), settings)
        // 15,000 records after the reference fill 15 or 16 calendar-aligned windows; the last stays open.
        #expect((14...15).contains(reports.count), "\(reports.count) windows")
        for report in reports {
            let start = try #require(report.startMs), end = try #require(report.endMs)
            #expect(Int64(start / 30_000_000) == Int64(end / 30_000_000), "a window crosses its time boundary")
        }
        let alert = try #require(reports.flatMap(\.triggers).first { $0.rule == "features" && $0.level == .alert })
        let at = DriftStreams.index(ofMs: try #require(alert.atMs))
        #expect(at > 10_000 && at <= 11_300, "alert at record \(at)")
        let quiet = Self.run(DriftStreams.rows("null_stationary"), settings)
        #expect(quiet.count >= 14)
        #expect(quiet.flatMap(\.triggers) == [])
    }

    @Test func stationaryStreamFiresNothing() {
        let reports = Self.run(DriftStreams.rows("null_stationary"), Self.settings())
        #expect(reports.count > 50)
        #expect(reports.flatMap(\.triggers) == [])
        #expect(reports.allSatisfy { $0.values.contains { $0.signal == "ks_pvalue:x0" } })
    }

    @Test func dailyCycleIsQuietAgainstTheSameHourYesterday() {
        let rows = DriftStreams.dailyCycle(days: 2)
        let seasonal = Self.run(rows, Self.settings(reference: .sameHourDay))
        #expect(seasonal.count == 2 * 24 - 1)
        let compared = seasonal.filter { $0.values.contains { $0.signal == "ks_pvalue:x0" } }
        #expect(compared.count == 24 - 1)
        #expect(seasonal.flatMap(\.triggers) == [])
        // The same stream against its first records reads the cycle as drift: the seasonal reference matters.
        let plain = Self.run(rows, Self.settings())
        #expect(plain.flatMap(\.triggers).contains { $0.level == .alert })
    }

    @Test func errorAndPredictionSignalsAreReported() throws {
        let reports = Self.gaussReports
        let first = try #require(reports.first)
        // The first window's rates cover every record so far (reference included), later ones one step each.
        #expect(first.values.first { $0.signal == "error_rate" }?.samples == 6000)
        let rate = try #require(reports[1].values.first { $0.signal == "error_rate" })
        #expect(rate.samples == 250 && rate.value > 0.05 && rate.value < 0.4, "error rate \(rate.value)")
        #expect(first.values.contains { $0.signal == "error" && $0.statistic == "adwin" })
        #expect(first.values.contains { $0.signal == "psi:prediction" })
        #expect(first.values.first { $0.signal == "psi:x0" }?.threshold == 0.1)
    }
}
