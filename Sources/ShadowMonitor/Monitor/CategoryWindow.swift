import ShadowDrift

/// The last `capacity` category values of a stream, with their counts kept up to date.
struct CategoryWindow: Sendable, Codable, Hashable {
    let capacity: Int
    private var ring: [String] = []
    private var head = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Values held.
    var count: Int { ring.count }

    /// Appends a value, evicting the oldest once full.
    mutating func add(_ value: String) {
        if ring.count < capacity {
            ring.append(value)
        } else {
            ring[head] = value
            head = (head + 1) % capacity
        }
    }

    /// Counts of the values held.
    var summary: CategorySummary {
        var s = CategorySummary()
        for v in ring { s.add(v) }
        return s
    }
}
