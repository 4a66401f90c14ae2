#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowConfig

/// The intended instants of an open-loop profile: each call gives the next request's offset from the start of
/// the run, in nanoseconds. Pure and deterministic (the Poisson gaps come from a seeded generator).
struct ArrivalSchedule: Sendable {
    let profile: LoadSettings.Profile
    private(set) var index = 0
    /// Offset of the previous request in seconds (recorded and poisson accumulate gaps).
    private var offset = 0.0
    /// The latest record time seen (recorded), so an out-of-order record does not rewind the clock.
    private var latestEpochMs: Double?
    private var rng: SplitMix64

    init(_ profile: LoadSettings.Profile) {
        self.profile = profile
        if case .poisson(_, let seed) = profile { rng = SplitMix64(seed: seed) } else { rng = SplitMix64(seed: 0) }
    }

    /// Whether the profile has intended instants (every profile except `none` and `closed`).
    static func isOpenLoop(_ profile: LoadSettings.Profile) -> Bool {
        switch profile {
        case .none, .closed: false
        default: true
        }
    }

    /// The next request's intended offset from the start, in nanoseconds; `epochMs` is its record time
    /// (used by `recorded`: a record without one, or earlier than one already sent, goes without a gap).
    mutating func next(epochMs: Double?) -> UInt64 {
        let seconds = nextSeconds(epochMs: epochMs)
        index += 1
        return UInt64(max(0, seconds) * 1e9)
    }

    private mutating func nextSeconds(epochMs: Double?) -> Double {
        let n = Double(index)
        switch profile {
        case .none, .closed:
            return 0
        case .recorded(let speed, let maxGap):
            guard let epochMs, epochMs.isFinite else { return offset }
            if let latest = latestEpochMs {
                let gap = min(max(0, epochMs - latest) / 1000, maxGap)
                offset += gap / speed
                latestEpochMs = max(latest, epochMs)
            } else {
                latestEpochMs = epochMs
            }
            return offset
        case .constant(let rate):
            return n / rate
        case .ramp(let from, let to, let over):
            return Self.rampInstant(n, from: from, to: to, over: over)
        case .steps(let steps):
            return Self.stepsInstant(n, steps: steps)
        case .poisson(let rate, _):
            if index > 0 {
                let u = Double(rng.next() >> 11) * 0x1p-53  // [0, 1)
                offset += -log1p(-u) / rate
            }
            return offset
        }
    }

    /// The instant of request `n` under a rate rising linearly from `from` to `to` over `over` seconds (then held):
    /// the `t` where the requests sent so far, ∫ rate, reach `n`.
    static func rampInstant(_ n: Double, from: Double, to: Double, over: Double) -> Double {
        let inRamp = (from + to) / 2 * over
        if n > inRamp { return to > 0 ? over + (n - inRamp) / to : .infinity }
        let slope = (to - from) / over
        if abs(slope) < 1e-12 { return n / from }
        // from·t + slope·t²/2 = n, the root where the rate is still positive.
        let discriminant = max(0, from * from + 2 * slope * n)
        return (discriminant.squareRoot() - from) / slope
    }

    /// The instant of request `n` under rates held step by step (the last one held after its step).
    static func stepsInstant(_ n: Double, steps: [LoadSettings.Step]) -> Double {
        var start = 0.0
        var sent = 0.0
        for (i, step) in steps.enumerated() {
            let inStep = step.rate * step.seconds
            if n < sent + inStep || i == steps.count - 1 { return start + (n - sent) / step.rate }
            sent += inStep
            start += step.seconds
        }
        return start
    }
}
