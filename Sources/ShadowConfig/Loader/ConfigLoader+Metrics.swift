import ShadowCore

/// `[metrics]`: the Prometheus endpoint, served only on a loopback address.
extension ConfigLoader {
    static func readMetrics(_ table: ConfigTableReader) -> MetricsSettings {
        table.rejectUnknownKeys(known: ConfigKeys.metrics)
        var settings = MetricsSettings()
        guard let listen = table.string("listen") else { return settings }
        switch MetricsSettings.Address.parse(listen) {
        case .success:
            settings.listen = listen
        case .failure(.malformed):
            table.report("listen", "expected \"HOST:PORT\" with a loopback host, such as \"127.0.0.1:9464\" or "
                + "\"[::1]:9464\", found \(ConfigTableReader.quote(listen))")
        case .failure(.badPort):
            table.report("listen", "the port must be an integer from 1 to 65535, found \(ConfigTableReader.quote(listen))")
        case .failure(.notLoopback(let host)):
            table.report("listen", "\(host) is not a loopback address: metrics are served on 127.0.0.0/8 or [::1] "
                + "only (put a proxy in front to expose them)")
        }
        return settings
    }
}
