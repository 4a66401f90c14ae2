/// `[metrics]`: the Prometheus metrics endpoint (off unless `listen` is set).
public struct MetricsSettings: Sendable, Equatable {
    /// Loopback address and port to serve `/metrics` on, e.g. `127.0.0.1:9464`; nil leaves metrics off.
    public var listen: String?

    public init(listen: String? = nil) {
        self.listen = listen
    }
}
