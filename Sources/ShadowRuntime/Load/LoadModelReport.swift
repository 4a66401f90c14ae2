/// One model's share of a `LoadReport`.
public struct LoadModelReport: Sendable, Equatable, Codable {
    public var name: String
    public var role: String
    public var requests: Int
    public var errors: Int
    public var timeouts: Int
    /// Requests that found this model at its in-flight cap and waited.
    public var capHits: Int
    /// Answers per second.
    public var achievedRate: Double
    /// Latency from the intended instant (coordinated-omission corrected), milliseconds.
    public var p50Ms: Double
    public var p90Ms: Double
    public var p99Ms: Double
    public var p999Ms: Double
    public var maxMs: Double
    /// Service time from the actual send (what a load tester without correction reports), milliseconds.
    public var serviceP50Ms: Double
    public var serviceP90Ms: Double
    public var serviceP99Ms: Double
    public var serviceP999Ms: Double
    public var serviceMaxMs: Double
    /// The service-time HDR histogram, compressed and base64-encoded (`HISTF…`).
    public var serviceHistogram: String

    /// A model's figures.
    public init(name: String, role: String, requests: Int, errors: Int, timeouts: Int, capHits: Int,
                achievedRate: Double, p50Ms: Double, p90Ms: Double, p99Ms: Double, p999Ms: Double, maxMs: Double,
                serviceP50Ms: Double, serviceP90Ms: Double, serviceP99Ms: Double, serviceP999Ms: Double,
                serviceMaxMs: Double, serviceHistogram: String) {
        self.name = name
        self.role = role
        self.requests = requests
        self.errors = errors
        self.timeouts = timeouts
        self.capHits = capHits
        self.achievedRate = achievedRate
        self.p50Ms = p50Ms
        self.p90Ms = p90Ms
        self.p99Ms = p99Ms
        self.p999Ms = p999Ms
        self.maxMs = maxMs
        self.serviceP50Ms = serviceP50Ms
        self.serviceP90Ms = serviceP90Ms
        self.serviceP99Ms = serviceP99Ms
        self.serviceP999Ms = serviceP999Ms
        self.serviceMaxMs = serviceMaxMs
        self.serviceHistogram = serviceHistogram
    }
}
