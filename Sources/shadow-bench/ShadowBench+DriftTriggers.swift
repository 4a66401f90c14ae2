import Foundation
import ShadowDrift

/// The feature-drift half of the drift benchmark: a windowed PSI + KS on one feature against a reference, through
/// `TriggerPolicy`, scored like the detectors (caught, delay, false alarms = warnings or alerts before the shift, or
/// any on a stream without drift).
///
/// - count windows, first-N reference: the first 2 000 records; a 500-record window evaluated every 100 records;
/// - hourly windows, calendar-aware reference: each completed UTC hour against the same hour one day earlier
///   (`SeasonalReference`, decile bins of the first 2 000 records shared by all hours);
/// - hourly windows, first-N reference: the same hours against the first 2 000 records (the contrast).
/// One rule for all: `any` of PSI (reference deciles, floor 10⁻⁴) warn ≥ 0.1 / alert ≥ 0.25 and KS p-value
/// (scipy's `auto` method) warn ≤ 0.001 / alert ≤ 0.0001, 2 consecutive windows, at least 100 samples.
extension ShadowBench {
    struct TriggerRun {
        var reference: String
        var windows = 0
        var warns: [Int] = []
        var alerts: [Int] = []
        /// Actions by the signal that decided them, e.g. "ks_p" → 3.
        var firedBy: [String: Int] = [:]
    }

    struct TriggerReport {
        var quietSeasonal: Bool?
        var quietDetail = ""
        var featureShiftCaught: Bool?
        var featureShiftDetail = ""
        var seasonalShiftCaught: Bool?
        var seasonalShiftDetail = ""
    }

    static let referenceCount = 2_000

    static func featureRule() -> TriggerRule {
        TriggerRule(name: "feature-drift", condition: .any([
            .signal(SignalThreshold(signal: "psi", warn: 0.1, alert: 0.25)),
            .signal(SignalThreshold(signal: "ks_p", warn: 0.001, alert: 0.0001, direction: .atMost)),
        ]), minSamples: 100, consecutiveWindows: 2)
    }

    static func featureTriggerReport(_ streams: [DriftStream], tolerance: Int) -> TriggerReport {
        print("")
        print("feature-drift trigger on the shifted feature: PSI (reference deciles) warn ≥ 0.1 / alert ≥ 0.25 or KS p "
            + "warn ≤ 0.001 / alert ≤ 0.0001, 2 consecutive windows; caught = an alert in [drift, drift + tolerance)")
        print(pad("stream", -15) + pad("reference / window", -44) + pad("windows", 8) + pad("caught", 7)
            + pad("alert delay", 12) + pad("warnings", 9) + pad("alerts", 7) + pad("false alarms", 13) + "  fired by")
        var report = TriggerReport()
        var quiet: [String] = []
        for s in streams {
            let feature = s.feature ?? "x0"
            guard let values = s.features[feature], values.count > referenceCount else { continue }
            var runs: [TriggerRun] = []
            if s.kind == "feature" || s.kind == "none" { runs.append(countWindowRun(values, s.timesMs)) }
            if s.kind == "seasonal" || s.kind == "seasonal_feature" || s.kind == "none" {
                runs.append(hourlyRun(values, s.timesMs, seasonal: true))
                runs.append(hourlyRun(values, s.timesMs, seasonal: false))
            }
            let perHour = recordsPerHour(s.timesMs)
            for run in runs {
                let hourly = run.reference.contains("hour")
                let tol = hourly ? max(tolerance, 3 * perHour) : tolerance
                let alert = score(run.alerts, s, tolerance: tol)
                let warn = score(run.warns, s, tolerance: tol)
                let fired = alert.falseAlarms + warn.falseAlarms
                print(pad(s.name, -15) + pad(run.reference, -44) + pad(String(run.windows), 8)
                    + pad(alert.caught.map { $0 ? "yes" : "no" } ?? "-", 7)
                    + pad(alert.delay.map(String.init) ?? "-", 12)
                    + pad(String(run.warns.count), 9) + pad(String(run.alerts.count), 7) + pad(String(fired), 13)
                    + "  " + run.firedBy.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }
                        .joined(separator: " "))
                let seasonal = run.reference.hasPrefix("same hour")
                if seasonal && (s.name == "stable" || s.name == "daily_cycle") {
                    quiet.append("\(s.name) \(run.warns.count) warnings \(run.alerts.count) alerts "
                        + "in \(run.windows) hourly windows")
                    report.quietSeasonal = (report.quietSeasonal ?? true) && run.warns.isEmpty && run.alerts.isEmpty
                        && run.windows > 0
                }
                if seasonal && s.kind == "seasonal_feature" {
                    report.seasonalShiftCaught = alert.caught == true && fired == 0
                    report.seasonalShiftDetail = "\(s.name): alert \(alert.delay.map { "\($0) records" } ?? "never") "
                        + "after the shift (tolerance \(tol)), \(fired) false alarms"
                }
                if s.kind == "feature" {
                    report.featureShiftCaught = alert.caught == true && fired == 0
                    report.featureShiftDetail = "\(s.name): alert \(alert.delay.map { "\($0) records" } ?? "never") "
                        + "after the shift, \(fired) false alarms"
                }
                if !seasonal && hourly && s.name == "daily_cycle" {
                    quiet.append("a first-N reference would have raised \(run.warns.count) warnings "
                        + "and \(run.alerts.count) alerts on daily_cycle")
                }
            }
        }
        report.quietDetail = quiet.joined(separator: "; ")
        return report
    }

    /// The first `referenceCount` records as reference; a 500-record sliding window evaluated every 100 records.
    static func countWindowRun(_ values: [Double], _ timesMs: [Double], window: Int = 500,
                               step: Int = 100) -> TriggerRun {
        let reference = Array(values[0..<referenceCount])
        var run = TriggerRun(reference: "first \(referenceCount) / \(window) records every \(step)")
        var policy = TriggerPolicy(rules: [featureRule()])
        var current = SlidingCountWindow(capacity: window)
        for i in referenceCount..<values.count {
            current.add(values[i])
            guard current.isFull, (i - referenceCount + 1) % step == 0 else { continue }
            let now = current.values
            let observations = [
                SignalObservation(signal: "psi", value: DriftStatistic.psi(.deciles).compute(
                    reference: reference, current: now), samples: now.count),
                SignalObservation(signal: "ks_p", value: DriftStatistic.ksPValue(.auto).compute(
                    reference: reference, current: now), samples: now.count),
            ]
            run.windows += 1
            record(policy.step(observations, now: timesMs[i] / 1000), at: i, into: &run)
        }
        return run
    }

    /// Each completed UTC hour of record time against the same hour a day earlier (`seasonal`) or against the
    /// first `referenceCount` records; the hour is evaluated when the first record of the next hour arrives.
    static func hourlyRun(_ values: [Double], _ timesMs: [Double], seasonal: Bool) -> TriggerRun {
        let head = Array(values[0..<referenceCount])
        let bins = HistogramBins.inner(Quantiles.innerEdges(sorted: head.sorted(), bins: 10))
        let headShares = bins.counts(head).map { Double($0) / Double(head.count) }
        var run = TriggerRun(reference: seasonal ? "same hour a day earlier / hourly"
                                                 : "first \(referenceCount) / hourly")
        var policy = TriggerPolicy(rules: [featureRule()])
        var hours = SeasonalReference(lag: .day, bins: bins, sampleCapacity: 5_000)
        var hourStart = 0
        for i in values.indices {
            if i > 0, SeasonalReference.hour(ofMs: timesMs[i]) != SeasonalReference.hour(ofMs: timesMs[i - 1]) {
                let t = timesMs[i - 1]
                if let current = hours.current(atMs: t), seasonal || hourStart >= referenceCount {
                    let reference: (shares: [Double], sample: [Double])?
                    if seasonal {
                        reference = hours.reference(atMs: t).map { ($0.binShares, $0.sample.values) }
                    } else {
                        reference = (headShares, head)
                    }
                    if let reference {
                        let psi = PSI.value(referenceShares: reference.shares, currentShares: current.binShares,
                                            binning: .deciles)
                        let ks = KolmogorovSmirnov.test(reference.sample, current.sample.values).pValue
                        run.windows += 1
                        record(policy.step([SignalObservation(signal: "psi", value: psi, samples: current.count),
                                            SignalObservation(signal: "ks_p", value: ks, samples: current.count)],
                                           now: t / 1000), at: i, into: &run)
                    }
                }
                hourStart = i
            }
            hours.add(values[i], atMs: timesMs[i])
        }
        return run
    }

    static func record(_ actions: [TriggerAction], at i: Int, into run: inout TriggerRun) {
        for action in actions {
            switch action {
            case .warn(_, let signal, _, _):
                run.warns.append(i)
                run.firedBy[signal, default: 0] += 1
            case .alert(_, let signal, _, _):
                run.alerts.append(i)
                run.firedBy[signal, default: 0] += 1
            case .retrain, .rearm: break
            }
        }
    }

    static func recordsPerHour(_ timesMs: [Double]) -> Int {
        guard timesMs.count > 1, let first = timesMs.first, let last = timesMs.last, last > first else { return 0 }
        return Int((Double(timesMs.count - 1) * 3_600_000 / (last - first)).rounded())
    }
}
