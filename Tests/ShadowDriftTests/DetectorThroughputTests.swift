import Foundation
import Testing
@testable import ShadowDrift

/// Opt-in throughput measurement (`SHADOWD_DRIFT_BENCH=1 swift test -c release --filter DetectorThroughput`):
/// the same 1M-sample SplitMix64 Bernoulli(0.2) stream that scripts/drift/river_detectors.py --throughput feeds River.
@Suite struct DetectorThroughputTests {
    static let enabled = ProcessInfo.processInfo.environment["SHADOWD_DRIFT_BENCH"] == "1"

    /// SplitMix64 Bernoulli(p) stream, identical to `bernoulli_stream` in river_detectors.py.
    static func stream(count: Int, p: Double = 0.2, seed: UInt64 = 42) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / 9_007_199_254_740_992.0 < p ? 1 : 0
        }
    }

    static func measure(_ name: String, _ values: [Double], _ make: () -> some StreamingDetector) -> Double {
        var best = 0.0
        var detections = 0
        for _ in 0..<5 {
            var d = make()
            detections = 0
            let start = ContinuousClock.now
            for x in values where d.update(x) == .drift { detections += 1 }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = max(best, Double(values.count) / seconds)
        }
        print("throughput \(name): \(String(format: "%.1f", best / 1e6))M samples/s, \(detections) detections")
        return best
    }

    @Test(.enabled(if: enabled)) func detectorsPerSecond() {
        let values = Self.stream(count: 1_000_000)
        #expect(Self.measure("ADWIN", values) { ADWIN() } > 1e6)
        _ = Self.measure("ADWIN insert only (no cut checks)", values) { ADWIN(clock: 1 << 40) }
        #expect(Self.measure("DDM", values) { DDM() } > 1e6)
        #expect(Self.measure("PageHinkley", values) { PageHinkley() } > 1e6)
        #expect(Self.measure("AnyDetector(adwin)", values) { AnyDetector(.adwin) } > 1e6)
    }
}
