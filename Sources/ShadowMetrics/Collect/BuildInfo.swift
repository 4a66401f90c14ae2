/// `shadowd_build_info` and `shadowd_start_time_seconds`: which build runs, and since when.
import ShadowCore
public struct BuildInfo: MetricsCollector {
    /// The shadowd release this source tree is.
    public static let version = ShadowdVersion.current

    /// The Swift compiler that built this binary (major.minor).
    public static let swiftVersion: String = {
        #if compiler(>=6.4)
        return "6.4+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }()

    /// When the process started, in milliseconds since the Unix epoch.
    public let startMs: Double

    /// Reports a process started at `startMs`.
    public init(startMs: Double) {
        self.startMs = startMs
    }

    /// Build info (always 1) and the start time.
    public func collect(nowMs: Double) -> [MetricFamily] {
        [
            MetricFamily(.buildInfo, samples: [MetricSample(
                labels: [MetricLabel("version", Self.version), MetricLabel("swift", Self.swiftVersion)], value: 1)]),
            MetricFamily(.startTime, samples: [MetricSample(value: startMs / 1000)]),
        ]
    }
}
