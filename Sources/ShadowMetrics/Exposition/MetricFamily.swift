/// One metric family as the exposition format writes it: `# HELP`, `# TYPE`, then every sample of it.
public struct MetricFamily: Sendable, Equatable {
    /// What the family measures, as Prometheus types it.
    public enum Kind: String, Sendable, Equatable {
        /// Only goes up (resets when the daemon restarts); named `…_total`.
        case counter
        /// A value that goes up and down.
        case gauge
        /// Cumulative `_bucket{le}` counts with `_sum` and `_count`.
        case histogram
    }

    /// The family name (for counters it ends in `_total` and is also the samples' name).
    public var name: String
    /// One line of help text.
    public var help: String
    /// The Prometheus type.
    public var kind: Kind
    /// The samples, in the order they are written.
    public var samples: [MetricSample]

    /// Creates a family from its samples.
    public init(name: String, help: String, kind: Kind, samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }

    /// A family of the metric `info` with samples made from it.
    public init(_ info: MetricInfo, samples: [MetricSample]) {
        self.init(name: info.name, help: info.help, kind: info.kind, samples: samples)
    }

    /// A histogram family: for each series its cumulative buckets, sum and count (in seconds).
    public init(_ info: MetricInfo, histograms: [(labels: [MetricLabel], histogram: LatencyHistogram)]) {
        var samples: [MetricSample] = []
        for (labels, histogram) in histograms {
            var cumulative: UInt64 = 0
            for (index, count) in histogram.counts.enumerated() {
                cumulative &+= count
                let bound = index < LatencyBuckets.boundsSeconds.count
                    ? ExpositionText.number(LatencyBuckets.boundsSeconds[index]) : "+Inf"
                samples.append(MetricSample(suffix: "_bucket", labels: labels + [MetricLabel("le", bound)],
                                            value: Double(cumulative)))
            }
            samples.append(MetricSample(suffix: "_sum", labels: labels, value: histogram.sumSeconds))
            samples.append(MetricSample(suffix: "_count", labels: labels, value: Double(histogram.count)))
        }
        self.init(info, samples: samples)
    }
}
