import ShadowCore
import ShadowMetrics

/// `[metrics] listen`: the Prometheus endpoint beside the control socket.
extension DaemonService {
    /// Starts `/metrics` when `[metrics] listen` is set and logs its URL; a port that cannot be bound stops the
    /// start, as a control socket that cannot be created does.
    func startMetrics() throws -> MetricsServer? {
        guard let address = context.settings.metrics.address, let replay = context.metrics else { return nil }
        let startMs = MonotonicClock.epochMs() - context.uptimeSeconds * 1000
        let registry = DaemonMetrics.registry(replay: replay, jobs: context.jobs, database: context.store.path,
                                              startMs: startMs)
        let server = MetricsServer(address: address, registry: registry)
        let bound = try server.start()
        context.logger.info("metrics endpoint ready", metadata: ["url": "http://\(bound)\(MetricsRouter.path)"])
        return server
    }
}
