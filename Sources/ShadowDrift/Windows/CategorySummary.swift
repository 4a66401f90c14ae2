/// Counts per category of one window; summaries of disjoint windows (or workers) merge by adding counts.
public struct CategorySummary: Sendable, Hashable, Codable {
    /// Count per category.
    public private(set) var counts: [String: Int] = [:]
    /// Number of values added.
    public private(set) var total = 0

    /// An empty summary.
    public init() {}

    /// Counts one value (or `count` values) of a category.
    public mutating func add(_ category: String, count: Int = 1) {
        counts[category, default: 0] += count
        total += count
    }

    /// Adds another summary's counts into this one.
    public mutating func merge(_ other: CategorySummary) {
        for (k, v) in other.counts { counts[k, default: 0] += v }
        total += other.total
    }

    /// Two summaries' counts over the union of their categories, sorted by name.
    public struct Aligned: Sendable, Hashable {
        /// Category names, ascending.
        public var categories: [String]
        /// Reference counts in `categories` order.
        public var reference: [Int]
        /// Current counts in `categories` order.
        public var current: [Int]
    }

    /// Aligns a reference and a current summary for χ², PSI, JS and L∞.
    public static func aligned(reference: CategorySummary, current: CategorySummary) -> Aligned {
        let names = Set(reference.counts.keys).union(current.counts.keys).sorted()
        return Aligned(categories: names, reference: names.map { reference.counts[$0] ?? 0 },
                       current: names.map { current.counts[$0] ?? 0 })
    }
}
