/// A baseline profile of training data (`shadowctl profile FILE` writes it as JSON): per feature, the summary a
/// reference needs — moments, reference-quantile bin edges and shares, and a bounded sample for KS, Wasserstein
/// and Sturges-binned PSI — or category counts.
public struct FeatureProfile: Sendable, Codable, Hashable {
    /// Format version of the file.
    public var version = 1
    /// Records profiled.
    public var records: Int
    /// Per-feature entries, in schema order.
    public var features: [Feature]

    /// One feature's reference.
    public struct Feature: Sendable, Codable, Hashable {
        /// Feature name.
        public var name: String
        /// Numeric summary (nil for categorical features).
        public var numeric: NumericSummary?
        /// Category counts (nil for numeric features).
        public var categories: CategorySummary?
    }

    /// An empty profile.
    public init(records: Int = 0, features: [Feature] = []) {
        self.records = records
        self.features = features
    }

    /// Profiles numeric columns: decile bins from the first `sampleCapacity` values of each column (exact when
    /// the column fits), then every value counted into them.
    public static func build(numeric columns: [(name: String, values: [Double])],
                             categorical: [(name: String, values: [String])] = [],
                             quantileBins: Int = 10, sampleCapacity: Int = 10_000) -> FeatureProfile {
        var out = FeatureProfile(records: max(columns.map(\.values.count).max() ?? 0,
                                              categorical.map(\.values.count).max() ?? 0))
        for column in columns {
            let clean = column.values.filter { !$0.isNaN }
            let head = Array(clean.prefix(sampleCapacity)).sorted()
            let bins: HistogramBins? = head.isEmpty ? nil : .inner(Quantiles.innerEdges(sorted: head, bins: quantileBins))
            var summary = NumericSummary(bins: bins, sampleCapacity: sampleCapacity)
            column.values.forEach { summary.add($0) }
            out.features.append(Feature(name: column.name, numeric: summary, categories: nil))
        }
        for column in categorical {
            var summary = CategorySummary()
            column.values.forEach { summary.add($0) }
            out.features.append(Feature(name: column.name, numeric: nil, categories: summary))
        }
        return out
    }

    /// The entry for a feature name.
    public func feature(_ name: String) -> Feature? { features.first { $0.name == name } }
}
