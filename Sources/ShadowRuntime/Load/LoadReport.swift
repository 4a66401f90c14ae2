/// What a paced replay measured: the profile, offered vs achieved rates, scheduler lag, and per model the
/// corrected latency, the service time, in-flight cap hits, timeouts and errors; plus the latency verdicts.
public struct LoadReport: Sendable, Equatable, Codable {
    /// The profile, as `LoadSettings.describe` writes it.
    public var profile: String
    /// Requests (records) sent to the models.
    public var requests: Int
    /// Seconds from the first intended instant to the last answer.
    public var seconds: Double
    /// The rate the profile asked for over the run (requests / span of intended instants); nil for `closed`.
    public var offeredRate: Double?
    /// Records answered by every model per second.
    public var achievedRate: Double
    /// How late requests were sent after their intended instant, in milliseconds.
    public var lagP50Ms: Double
    public var lagP99Ms: Double
    public var lagMaxMs: Double
    /// Per model, champion first.
    public var models: [LoadModelReport]
    /// Per shadow and replica, per percentile.
    public var verdicts: [LatencyVerdict]

    /// A report from its figures.
    public init(profile: String, requests: Int, seconds: Double, offeredRate: Double?, achievedRate: Double,
                lagP50Ms: Double, lagP99Ms: Double, lagMaxMs: Double, models: [LoadModelReport],
                verdicts: [LatencyVerdict]) {
        self.profile = profile
        self.requests = requests
        self.seconds = seconds
        self.offeredRate = offeredRate
        self.achievedRate = achievedRate
        self.lagP50Ms = lagP50Ms
        self.lagP99Ms = lagP99Ms
        self.lagMaxMs = lagMaxMs
        self.models = models
        self.verdicts = verdicts
    }
}
