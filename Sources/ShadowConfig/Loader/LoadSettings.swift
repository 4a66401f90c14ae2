/// `[load]`: how requests are paced during a replay. `none` (the default) replays as fast as possible.
///
/// Open-loop profiles give every request an intended instant; latency is measured from it (coordinated-omission
/// corrected) and the service time from the actual send. `closed` keeps a fixed number of requests in flight.
public struct LoadSettings: Sendable, Equatable, Codable {
    /// The pacing of requests.
    public enum Profile: Sendable, Equatable, Codable {
        /// As fast as the pipeline goes (batches, no intended instants).
        case none
        /// The records' own time gaps divided by `speed`, each gap capped at `maxGapSeconds`.
        case recorded(speed: Double, maxGapSeconds: Double)
        /// A fixed rate in requests per second.
        case constant(rate: Double)
        /// A rate moving linearly from `from` to `to` over `overSeconds`, then held at `to`.
        case ramp(from: Double, to: Double, overSeconds: Double)
        /// Rates held for a duration each, in order; the last rate is held after its step ends.
        case steps([Step])
        /// Exponential gaps at a mean `rate`, from a seeded generator (the same seed gives the same instants).
        case poisson(rate: Double, seed: UInt64)
        /// `concurrency` requests in flight at all times; no intended instants.
        case closed(concurrency: Int)

        /// The profile's name as written in the config.
        public var name: String {
            switch self {
            case .none: "none"
            case .recorded: "recorded"
            case .constant: "constant"
            case .ramp: "ramp"
            case .steps: "steps"
            case .poisson: "poisson"
            case .closed: "closed"
            }
        }
    }

    /// One step of a `steps` profile.
    public struct Step: Sendable, Equatable, Codable {
        /// Requests per second during the step.
        public var rate: Double
        /// How long the step lasts, in seconds.
        public var seconds: Double

        /// A step of `rate` requests per second for `seconds`.
        public init(rate: Double, seconds: Double) {
            self.rate = rate
            self.seconds = seconds
        }
    }

    /// The profile in force.
    public var profile: Profile
    /// Requests in flight per model at most; a request due while the cap is reached waits (a cap hit).
    public var maxInFlight: Int
    /// Length of the interval histograms the latency verdict resamples, in seconds.
    public var intervalSeconds: Double
    /// Bootstrap resamples for the latency verdict's confidence intervals.
    public var resamples: Int

    /// Settings with the given profile and defaults for the rest.
    public init(profile: Profile = .none, maxInFlight: Int = 1024, intervalSeconds: Double = 1,
                resamples: Int = 1000) {
        self.profile = profile
        self.maxInFlight = maxInFlight
        self.intervalSeconds = intervalSeconds
        self.resamples = resamples
    }

    /// A one-line description such as `constant rate=500/s` (kept in run manifests and summaries).
    public var describe: String {
        switch profile {
        case .none: return "none"
        case .recorded(let speed, let gap): return "recorded speed=\(fmt(speed))x max_gap=\(fmt(gap))s"
        case .constant(let rate): return "constant rate=\(fmt(rate))/s"
        case .ramp(let from, let to, let over): return "ramp from=\(fmt(from))/s to=\(fmt(to))/s over=\(fmt(over))s"
        case .steps(let steps): return "steps " + steps.map { "\(fmt($0.rate))/s×\(fmt($0.seconds))s" }.joined(separator: ",")
        case .poisson(let rate, let seed): return "poisson rate=\(fmt(rate))/s seed=\(seed)"
        case .closed(let concurrency): return "closed concurrency=\(concurrency)"
        }
    }

    private func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
