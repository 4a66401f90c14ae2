import Foundation
import ShadowDrift

/// `shadow-bench drift STREAMS_DIR [--river FILE] [--river-throughput FILE] [--tolerance N] [--samples N]
/// [--passes N]`: the scored drift benchmark of issue 5 (scripts/bench-drift.sh runs it beside River).
///
/// For every stream of scripts/drift/make_streams.py it computes the per-record error of the sidecar's fixed model
/// exactly as scripts/drift/river_detectors.py does, runs ADWIN, DDM and Page–Hinkley over it and scores each
/// detector (and River's detections from `--river`, one JSON line per stream) the same way: caught when a detection
/// falls in [onset, drift point + tolerance), delay = first such detection − onset (onset = drift point − width/2
/// for a gradual drift, else the drift point), false alarms = detections before the onset, or every detection on a
/// stream without drift. Then the feature-drift triggers (ShadowBench+DriftTriggers.swift) and the detector
/// throughput on the SplitMix64 Bernoulli(0.2) stream River is timed on. Exit status 1 when an accuracy verdict
/// is "no"; throughput is reported, never enforced.
extension ShadowBench {
    /// One generated stream and its sidecar.
    struct DriftStream {
        var name: String
        var kind: String
        var driftPoints: [Int]
        var width: Int
        var feature: String?
        var timesMs: [Double] = []
        var features: [String: [Double]] = [:]
        var errors: [Double] = []

        var onset: Int? { driftPoints.first.map { $0 - (width > 1 ? width / 2 : 0) } }
    }

    /// A detector's score on one stream.
    struct DriftScore: Equatable {
        var caught: Bool?
        var delay: Int?
        var falseAlarms: Int
        var detections: Int

        var text: String {
            let c = caught.map { $0 ? "yes" : "no" } ?? "-"
            let d = delay.map(String.init) ?? "-"
            return "\(c.padding(toLength: 4, withPad: " ", startingAt: 0))\(pad(d, 7))\(pad(String(falseAlarms), 4))"
        }
    }

    static let detectorNames = ["ADWIN", "DDM", "PageHinkley"]

    static func driftCommand(_ args: [String]) throws -> Int32 {
        guard let dir = args.first, !dir.hasPrefix("--") else {
            let usage = "usage: shadow-bench drift STREAMS_DIR [--river FILE] [--river-throughput FILE] "
                + "[--tolerance N] [--samples N] [--passes N]\n"
            FileHandle.standardError.write(Data(usage.utf8))
            return 2
        }
        func option(_ name: String) -> String? { args.firstIndex(of: name).map { args[$0 + 1] } }
        let tolerance = Int(option("--tolerance") ?? "2000")!
        let river = try option("--river").map(loadRiverDetections) ?? [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".jsonl") }
        let order = ["abrupt_concept", "gradual_concept", "feature_shift", "label_shift", "stable", "daily_cycle",
                     "daily_shift"]
        let sorted = names.sorted { (order.firstIndex(of: String($0.dropLast(6))) ?? 99, $0)
            < (order.firstIndex(of: String($1.dropLast(6))) ?? 99, $1) }
        let streams = try sorted.map { try loadDriftStream(dir + "/" + $0) }

        print("error-rate detectors (River defaults): caught = a detection in [onset, drift + \(tolerance)) records; "
            + "onset = drift − width/2 for a gradual drift; delay = records from onset; FA = false alarms")
        print(pad("stream", -17) + pad("records", 8) + pad("drift", 7) + "  " + pad("detector", -12)
            + "| River: caught delay  FA | shadowd: caught delay  FA | same detections")
        var riverCaught = 0, oursCaughtOfThose = 0, identical = true, riverCounted = false
        var riverDelays: [Int] = [], oursDelays: [Int] = []
        for s in streams {
            let ours = runDetectors(s.errors)
            for name in detectorNames {
                let o = score(ours[name]!, s, tolerance: tolerance)
                var line = pad(s.name, -17) + pad(String(s.errors.count), 8)
                    + pad(s.driftPoints.first.map(String.init) ?? "none", 7) + "  " + pad(name, -12) + "| "
                if let r = river[s.name]?[name] {
                    riverCounted = true
                    let rs = score(r, s, tolerance: tolerance)
                    if rs.caught == true {
                        riverCaught += 1
                        if o.caught == true { oursCaughtOfThose += 1 }
                    }
                    if rs.caught == true, o.caught == true, let a = rs.delay, let b = o.delay {
                        riverDelays.append(a)
                        oursDelays.append(b)
                    }
                    identical = identical && r == ours[name]!
                    line += pad(rs.text, 22) + "  | " + pad(o.text, 24) + "  | " + (r == ours[name]! ? "yes" : "NO")
                } else {
                    line += pad("(no River run)", 22) + "  | " + pad(o.text, 24) + "  |"
                }
                print(line)
            }
        }
        let triggers = featureTriggerReport(streams, tolerance: tolerance)
        let rate = detectorThroughput(samples: Int(option("--samples") ?? "1000000")!,
                                      passes: Int(option("--passes") ?? "7")!)
        let riverRate = try option("--river-throughput").map(loadRiverThroughput)

        print("")
        var failed = false
        func verdict(_ text: String, _ ok: Bool?, gate: Bool = true, _ detail: String = "") {
            let answer = ok.map { $0 ? "yes" : "no" } ?? "n/a"
            print("\(text): \(answer)\(detail.isEmpty ? "" : "  (\(detail))")")
            if gate && ok == false { failed = true }
        }
        verdict("shadowd catches at least what River catches", riverCounted ? oursCaughtOfThose == riverCaught : nil,
                "River caught \(riverCaught), shadowd caught \(oursCaughtOfThose) of those; detections identical "
                + "to River's on every stream: \(identical ? "yes" : "no")")
        let mr = median(riverDelays), mo = median(oursDelays)
        func records(_ m: Double?) -> String { m.map { String(format: "%.0f", $0) } ?? "-" }
        verdict("median delay shadowd ≤ River", riverCounted ? (mo ?? 0) <= (mr ?? 0) : nil,
                "shadowd \(records(mo)), River \(records(mr)) records over \(oursDelays.count) detector×stream pairs "
                + "both caught")
        verdict("no trigger on stable/daily-cycle with calendar-aware reference", triggers.quietSeasonal,
                triggers.quietDetail)
        verdict("feature trigger catches the feature shift (first-N reference)", triggers.featureShiftCaught,
                gate: false, triggers.featureShiftDetail)
        if let caught = triggers.seasonalShiftCaught {
            verdict("calendar-aware reference still catches a real shift on the daily cycle", caught, gate: false,
                    triggers.seasonalShiftDetail)
        }
        for name in detectorNames {
            let ours = rate[name]!
            if let r = riverRate?[name] {
                let ok = name == "ADWIN" ? ours / r >= 10 : nil
                let line = "throughput \(name): River \(millions(r)) samples/s, shadowd \(millions(ours)) samples/s, "
                    + "ratio \(String(format: "%.1f", ours / r))×"
                print(line + (name == "ADWIN" ? " (target ≥ 10×: \(ok! ? "yes" : "no"))" : ""))
            } else {
                print("throughput \(name): shadowd \(millions(ours)) samples/s")
            }
        }
        return failed ? 1 : 0
    }

    static func score(_ hits: [Int], _ s: DriftStream, tolerance: Int) -> DriftScore {
        guard let drift = s.driftPoints.first, let onset = s.onset else {
            return DriftScore(caught: nil, delay: nil, falseAlarms: hits.count, detections: hits.count)
        }
        let first = hits.first { $0 >= onset && $0 < drift + tolerance }
        return DriftScore(caught: first != nil, delay: first.map { $0 - onset },
                          falseAlarms: hits.filter { $0 < onset }.count, detections: hits.count)
    }

    /// Indices at which each detector reports drift.
    static func runDetectors(_ errors: [Double]) -> [String: [Int]] {
        var adwin = ADWIN(), ddm = DDM(), ph = PageHinkley()
        var out: [String: [Int]] = ["ADWIN": [], "DDM": [], "PageHinkley": []]
        for (i, x) in errors.enumerated() {
            if adwin.update(x) == .drift { out["ADWIN"]!.append(i) }
            if ddm.update(x) == .drift { out["DDM"]!.append(i) }
            if ph.update(x) == .drift { out["PageHinkley"]!.append(i) }
        }
        return out
    }

    /// Best-of-`passes` samples/s of each detector on the Bernoulli(0.2) SplitMix64 stream (seed 42) that
    /// river_detectors.py --throughput times River on, measured the same way: a fresh detector, one update per
    /// sample in a plain loop, wall time of the loop only.
    static func detectorThroughput(samples: Int, passes: Int) -> [String: Double] {
        var rng = SplitMix64(seed: 42)
        let values = (0..<samples).map { _ in Double(rng.next() >> 11) / 9_007_199_254_740_992.0 < 0.2 ? 1.0 : 0.0 }
        func best(_ make: () -> some StreamingDetector) -> Double {
            var top = 0.0, sink = 0
            for _ in 0..<passes {
                var d = make()
                let t = seconds { for x in values where d.update(x) == .drift { sink += 1 } }
                top = max(top, Double(samples) / t)
            }
            if sink < 0 { print(sink) }
            return top
        }
        return ["ADWIN": best { ADWIN() }, "DDM": best { DDM() }, "PageHinkley": best { PageHinkley() }]
    }

    static func median(_ v: [Int]) -> Double? {
        guard !v.isEmpty else { return nil }
        let s = v.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func millions(_ x: Double) -> String { String(format: "%.1fM", x / 1e6) }

    /// Right-aligns (width > 0) or left-aligns (width < 0) a cell.
    static func pad(_ s: String, _ width: Int) -> String {
        let w = abs(width)
        guard s.count < w else { return s }
        let fill = String(repeating: " ", count: w - s.count)
        return width < 0 ? s + fill : fill + s
    }
}
