/// A source of metric families read at each scrape (node_exporter's one-method `Collector`).
public protocol MetricsCollector: Sendable {
    /// The families as they stand now; `nowMs` is the wall clock in milliseconds since the Unix epoch.
    func collect(nowMs: Double) -> [MetricFamily]
}
