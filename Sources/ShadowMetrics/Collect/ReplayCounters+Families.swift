import ShadowCore

/// The counters as metric families, series sorted by label values so the output is stable.
extension ReplayCounters {
    /// Records, rejects, requests, errors, latency, disagreements, the newest record time and the replay lag
    /// (`nowMs`: wall-clock milliseconds since the epoch).
    public func families(nowMs: Double) -> [MetricFamily] {
        let modelNames = models.keys.sorted()
        var families = [
            MetricFamily(.records, samples: [MetricSample(value: Double(records))]),
            MetricFamily(.rejects, samples: RejectCode.allCases.map {
                MetricSample(labels: [MetricLabel("code", $0.rawValue)], value: Double(rejects[$0] ?? 0))
            }),
            MetricFamily(.requests, samples: modelNames.map {
                MetricSample(labels: [MetricLabel("model", $0)], value: Double(models[$0]!.requests))
            }),
            MetricFamily(.requestErrors, samples: modelNames.flatMap { name in
                ModelErrorCode.allCases.map { code in
                    MetricSample(labels: [MetricLabel("model", name), MetricLabel("code", code.rawValue)],
                                 value: Double(models[name]!.errors[code] ?? 0))
                }
            }),
            MetricFamily(.requestLatency, histograms: modelNames.map {
                (labels: [MetricLabel("model", $0)], histogram: models[$0]!.latency)
            }),
            MetricFamily(.disagreements, samples: disagreements.keys.sorted().flatMap { shadow in
                DisagreementKind.allCases.map { kind in
                    MetricSample(labels: [MetricLabel("shadow", shadow), MetricLabel("kind", kind.rawValue)],
                                 value: Double(disagreements[shadow]?[kind] ?? 0))
                }
            }),
        ]
        if let newest = newestRecordMs {
            families.append(MetricFamily(.lastRecordTime, samples: [MetricSample(value: newest / 1000)]))
            families.append(MetricFamily(.replayLag, samples: [MetricSample(value: max(0, nowMs - newest) / 1000)]))
        }
        return families
    }
}
