import ShadowCore
import ShadowFiles
import ShadowScenario

/// A labelled traffic log in memory, in time order: one row of the model's features per record, its label
/// (a class index or a real target; NaN when absent) and its time (NaN when the log has none).
public struct LabelledTimeline: Sendable {
    /// Column names, in row order.
    public let featureNames: [String]
    /// Row-major features, `count × featureNames.count`; NaN is missing.
    public var values: [Double] = []
    /// Labels; NaN when the record has none (or one the task cannot read).
    public var labels: [Double] = []
    /// Record times in epoch milliseconds; NaN when absent.
    public var timesMs: [Double] = []
    /// Lines rejected while reading.
    public var rejects = 0

    /// An empty timeline.
    public init(featureNames: [String]) { self.featureNames = featureNames }

    /// Records held.
    public var count: Int { labels.count }
    /// Features per record.
    public var width: Int { featureNames.count }
    /// True when every record has a time (labels are then delayed in seconds, else in records).
    public var hasTimes: Bool { !timesMs.isEmpty && !timesMs.contains(where: \.isNaN) }

    /// Reads `files` in order with `source` settings, applies `scenarios`, and sorts by time when every record
    /// has one (stable: equal times keep file order).
    public static func load(files: [String], source: SourceSettings, featureNames: [String], task: ModelTask,
                            scenarios: ScenarioSettings = ScenarioSettings()) throws -> LabelledTimeline {
        let schema = FeatureSchema(names: featureNames)
        let injector = try DriftInjector.make(settings: scenarios, schema: schema)
        var timeline = LabelledTimeline(featureNames: schema.names)
        for file in files {
            let reader = try TrafficReader(path: file, settings: source, schema: schema)
            while let chunk = try reader.nextChunk(maxLines: 8192) {
                var batch = reader.decoder.decode(chunk)
                if let injector { injector.apply(to: &batch) }
                timeline.rejects += batch.rejects.count
                for record in batch.records {
                    timeline.values.append(contentsOf: record.features)
                    timeline.labels.append(Self.label(record.label, task: task))
                    timeline.timesMs.append(record.epochMs ?? .nan)
                }
            }
        }
        timeline.sortByTime()
        return timeline
    }

    /// A label as the trainer and scorer read it: 0/1 for binary, a class index for multiclass, a number for
    /// regression; NaN otherwise.
    public static func label(_ value: FeatureValue?, task: ModelTask) -> Double {
        let x: Double
        switch value {
        case .number(let n): x = n
        case .bool(let b): x = b ? 1 : 0
        case .string(let s): x = Double(s) ?? .nan
        case .null, nil: return .nan
        }
        switch task {
        case .regression: return x
        case .binary: return x == 0 || x == 1 ? x : .nan
        case .multiclass(let k): return x == x.rounded() && x >= 0 && x < Double(k) ? x : .nan
        }
    }

    /// Appends one record.
    public mutating func append(features: [Double], label: Double, timeMs: Double) {
        precondition(features.count == width, "one value per feature")
        values.append(contentsOf: features)
        labels.append(label)
        timesMs.append(timeMs)
    }

    /// Stable sort by time, when every record has one and they are out of order.
    mutating func sortByTime() {
        guard hasTimes, zip(timesMs, timesMs.dropFirst()).contains(where: { $0 > $1 }) else { return }
        let order = timesMs.indices.sorted { timesMs[$0] < timesMs[$1] || (timesMs[$0] == timesMs[$1] && $0 < $1) }
        let d = width
        var v = [Double](); v.reserveCapacity(values.count)
        for i in order { v.append(contentsOf: values[(i * d)..<((i + 1) * d)]) }
        values = v
        labels = order.map { labels[$0] }
        timesMs = order.map { timesMs[$0] }
    }
}
