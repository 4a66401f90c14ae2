import ShadowCore
import Testing
@testable import ShadowMetrics

/// The text exposition format 0.0.4: escaping, numbers, and a golden file of every replay metric.
@Suite struct ExpositionTextTests {
    static let golden = RepositoryFiles.testsFolder + "/Golden/replay-metrics.txt"

    @Test func numbersAreWrittenAsGoReadsThem() {
        #expect(ExpositionText.number(0) == "0")
        #expect(ExpositionText.number(12000) == "12000")
        #expect(ExpositionText.number(-3) == "-3")
        #expect(ExpositionText.number(0.0025) == "0.0025")
        #expect(ExpositionText.number(1e-06) == "1e-06")
        #expect(ExpositionText.number(2.5e-06) == "2.5e-06")
        #expect(ExpositionText.number(1741000011.5) == "1741000011.5")
        #expect(ExpositionText.number(1e20) == "1e+20")
        #expect(ExpositionText.number(.nan) == "NaN")
        #expect(ExpositionText.number(.infinity) == "+Inf")
        #expect(ExpositionText.number(-.infinity) == "-Inf")
    }

    @Test func helpAndLabelValuesAreEscaped() {
        let family = MetricFamily(name: "shadowd_x", help: "a \\ b\nc \"q\"", kind: .gauge, samples: [
            MetricSample(labels: [MetricLabel("feature", "pl\"an\\\nx"), MetricLabel("b", "é")], value: 1.5),
            MetricSample(value: .nan),
        ])
        #expect(ExpositionText.render([family]) == """
            # HELP shadowd_x a \\\\ b\\nc "q"
            # TYPE shadowd_x gauge
            shadowd_x{feature="pl\\"an\\\\\\nx",b="é"} 1.5
            shadowd_x NaN

            """)
    }

    @Test func histogramsAreCumulativeWithSumAndCount() {
        var histogram = LatencyHistogram()
        histogram.record([500, 1_000, 1_001, 3_000_000_000, 20_000_000_000])
        let family = MetricFamily(.requestLatency, histograms: [([MetricLabel("model", "m")], histogram)])
        let buckets = family.samples.filter { $0.suffix == "_bucket" }
        #expect(buckets.count == LatencyBuckets.count)
        #expect(buckets.first?.labels == [MetricLabel("model", "m"), MetricLabel("le", "1e-06")])
        #expect(buckets.map(\.value) == [2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5])
        #expect(buckets.last?.labels.last == MetricLabel("le", "+Inf"))
        let sum = family.samples[family.samples.count - 2]
        #expect(sum.suffix == "_sum" && sum.labels == [MetricLabel("model", "m")])
        #expect(abs(sum.value - 23.000002501) < 1e-9)
        #expect(family.samples.last == MetricSample(suffix: "_count", labels: [MetricLabel("model", "m")], value: 5))
    }

    @Test("every replay metric, golden (SHADOWD_RECORD_GOLDEN=1 re-records)")
    func replayMetricsGolden() throws {
        let metrics = ReplayMetrics()
        metrics.add(TestBatches.batch(
            models: ["champion", "candidate", "replica"], latencies: [800, 1_200, 40_000, 2_000_000],
            errors: ["candidate": [2: .timeout, 3: .missingFeature]],
            disagreements: [("candidate", .labelFlip), ("candidate", .shadowError), ("candidate", .shadowError)],
            rejects: [.malformedJSON, .wrongType, .wrongType]))
        metrics.add(TestBatches.batch(models: ["champion", "candidate", "replica"], latencies: [900],
                                      disagreements: [("replica", .scoreDelta)], firstMs: 1_741_000_100_000))
        let registry = MetricsRegistry([BuildInfo(startMs: 1_741_000_000_250), metrics])
        let text = registry.render(nowMs: 1_741_000_160_000)
        if RepositoryFiles.recordsGolden { RepositoryFiles.write(text, to: Self.golden) }
        let expected = try #require(RepositoryFiles.read(Self.golden), "missing \(Self.golden)")
        #expect(text == expected)
    }

    @Test func aFamilyNameIsWrittenOnce() {
        let registry = MetricsRegistry([BuildInfo(startMs: 0), BuildInfo(startMs: 5000)])
        let families = registry.families(nowMs: 0)
        #expect(families.map(\.name) == ["shadowd_build_info", "shadowd_start_time_seconds"])
        #expect(families[1].samples == [MetricSample(value: 0)])
    }
}
