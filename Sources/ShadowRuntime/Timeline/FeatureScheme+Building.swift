extension FeatureScheme {
    /// The scheme a feature's warm-up values call for: categorical when it had strings or at most `maxCategories`
    /// distinct numbers (numbers ascending, then strings by frequency), numeric quantile ranges otherwise.
    static func from(values: [Double], strings: [String], settings: TimelineSettings) -> FeatureScheme {
        let finite = values.filter { !$0.isNaN }
        let distinct = Set(finite)
        if !strings.isEmpty || distinct.count <= settings.maxCategories {
            var frequency: [String: Int] = [:]
            for s in strings { frequency[s, default: 0] += 1 }
            let byFrequency = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return FeatureScheme(categories: distinct.sorted(), strings: byFrequency.map(\.key),
                                 maxCategories: settings.maxCategories)
        }
        let sorted = finite.sorted()
        var edges: [Double] = []
        for q in 1..<max(2, settings.quantiles) {
            let edge = round3(sorted[min(sorted.count - 1, q * sorted.count / settings.quantiles)])
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        return FeatureScheme(edges: edges)
    }

    /// The scheme stored rows describe (a resumed run keeps its buckets): rows are (label, position, lower, upper).
    static func restore(_ rows: [(label: String, position: Int, lower: Double?, upper: Double?)],
                        settings: TimelineSettings) -> FeatureScheme? {
        let ordered = rows.sorted { $0.position < $1.position }
        guard ordered.first?.position == 0 else { return nil }
        let categorical = ordered.count >= 2 && ordered[1].label == "other" && ordered[1].lower == nil
            && ordered[1].upper == nil
        if categorical {
            var scheme = FeatureScheme(categories: [], strings: [], maxCategories: settings.maxCategories)
            for row in ordered.dropFirst(2) {
                if let value = row.lower {
                    _ = scheme.bucket(value, string: nil)
                } else {
                    _ = scheme.bucket(.nan, string: row.label)
                }
            }
            return scheme.count == ordered.count ? scheme : nil
        }
        let edges = ordered.compactMap(\.upper)
        let scheme = FeatureScheme(edges: edges)
        return scheme.count == ordered.count ? scheme : nil
    }
}
