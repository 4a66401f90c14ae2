/// What a `kind = "process"` model's child cost during a run: restarts, CPU time and peak resident memory.
public struct ProcessSummary: Sendable, Equatable, Codable {
    /// Times the child was started again after it died.
    public var restarts: Int
    /// User plus system CPU time of every child instance, in seconds.
    public var cpuSeconds: Double
    /// Largest resident set size seen, in KiB.
    public var peakRssKb: Int

    public init(restarts: Int = 0, cpuSeconds: Double = 0, peakRssKb: Int = 0) {
        self.restarts = restarts
        self.cpuSeconds = cpuSeconds
        self.peakRssKb = peakRssKb
    }

    enum CodingKeys: String, CodingKey {
        case restarts
        case cpuSeconds = "cpu_seconds"
        case peakRssKb = "peak_rss_kb"
    }
}
