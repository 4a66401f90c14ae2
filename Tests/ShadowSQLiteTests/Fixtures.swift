import ShadowCore

/// Small, readable values for store tests.
enum Fixtures {
    static let models = [
        ModelInfo(name: "prod", role: .champion, kind: "xgboost", location: "models/prod.json", digest: "sha256:aa"),
        ModelInfo(name: "candidate", role: .shadow, kind: "lightgbm", location: "models/cand.txt", digest: "sha256:bb"),
    ]

    static let run = RunInfo(startedAtMs: 1_740_960_105_605, configPath: "/etc/shadowd/shadowd.toml",
                             inputs: ["/var/log/traffic/a.jsonl", "b.csv"], models: models)

    static func disagreement(_ index: Int, shadow: String = "candidate") -> DisagreementRow {
        DisagreementRow(recordID: "r-\(index)", recordTimeMs: 1_740_960_000_000 + Double(index),
                        shadow: shadow, kind: index % 2 == 0 ? .labelFlip : .scoreDelta,
                        championOutput: "0.91", shadowOutput: "[0.2,0.8]", delta: Double(index) / 100,
                        featuresJSON: #"{"age":41,"plan":"pro","note":"ünïcode ✓"}"#)
    }

    static func reject(_ line: Int) -> Reject {
        Reject(position: SourcePosition(file: "a.jsonl", line: line, byteOffset: Int64(line * 100)),
               code: .wrongType, reason: #"field "/features/age": expected number or null, got string"#)
    }

    static func summary(run: Int64, records: Int, rejects: Int = 0) -> RunSummary {
        RunSummary(run: run, records: records, rejects: rejects, seconds: 2.5,
                   models: [ModelSummary(name: "prod", role: "champion", requests: records, errors: 0, p50Ms: 0.2,
                                         p99Ms: 1.5, throughput: 400)],
                   shadows: [ShadowSummary(name: "candidate", compared: records, labelFlip: 3, scoreDelta: 2)])
    }

    static let latency = [
        LatencyRow(model: "prod", count: 1000, errors: 0, p50Ms: 0.2, p90Ms: 0.5, p99Ms: 1.5, p999Ms: 3,
                   maxMs: 4, throughput: 400, histogram: "HISTFAAAAA=="),
        LatencyRow(model: "candidate", count: 1000, errors: 2, p50Ms: 0.3, p90Ms: 0.6, p99Ms: 1.9, p999Ms: 3.5,
                   maxMs: 5, throughput: 398, histogram: "HISTFBBBBB=="),
    ]
}
