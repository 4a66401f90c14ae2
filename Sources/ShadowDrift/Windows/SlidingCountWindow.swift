/// The last `capacity` values of a stream (a ring buffer): exact samples for KS, Wasserstein and binned tests.
public struct SlidingCountWindow: Sendable, Codable, Hashable {
    /// Values kept at most.
    public let capacity: Int
    private var ring: [Double] = []
    private var head = 0
    /// Values offered since creation.
    public private(set) var seen = 0

    /// An empty window of `capacity` values.
    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        ring.reserveCapacity(capacity)
    }

    /// Values currently held.
    public var count: Int { ring.count }
    /// True once `capacity` values have been seen.
    public var isFull: Bool { ring.count == capacity }

    /// Appends a value, evicting the oldest once full.
    public mutating func add(_ x: Double) {
        seen += 1
        if ring.count < capacity {
            ring.append(x)
        } else {
            ring[head] = x
            head = (head + 1) % capacity
        }
    }

    /// The values, oldest first.
    public var values: [Double] { Array(ring[head...] + ring[..<head]) }

    /// Clears the window (tumbling use: evaluate, then reset).
    public mutating func removeAll() {
        ring.removeAll(keepingCapacity: true)
        head = 0
    }
}
