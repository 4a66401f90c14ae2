/// The collectors one endpoint serves, in the order their families are written.
public struct MetricsRegistry: Sendable {
    /// The collectors, asked in order at each scrape.
    public let collectors: [any MetricsCollector]

    /// Serves the families of `collectors`.
    public init(_ collectors: [any MetricsCollector]) {
        self.collectors = collectors
    }

    /// Every collector's families; a family name seen twice keeps its first occurrence (the format allows
    /// one group per name).
    public func families(nowMs: Double) -> [MetricFamily] {
        var seen: Set<String> = []
        return collectors.flatMap { $0.collect(nowMs: nowMs) }.filter { seen.insert($0.name).inserted }
    }

    /// The exposition text of every family.
    public func render(nowMs: Double) -> String {
        ExpositionText.render(families(nowMs: nowMs))
    }
}
