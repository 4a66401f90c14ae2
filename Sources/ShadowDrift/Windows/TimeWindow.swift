/// A sliding time window of numeric summaries: the window is cut into `slots` equal slots, each a mergeable
/// `NumericSummary`; expired slots are dropped and the live ones merged on demand. Memory is bounded by
/// `slots × sampleCapacity` values, whatever the traffic rate.
public struct TimeWindow: Sendable, Codable, Hashable {
    /// Window length in milliseconds.
    public let lengthMs: Double
    /// Slot length in milliseconds.
    public let slotMs: Double
    /// Bins shared with the reference.
    public let bins: HistogramBins?
    /// Sample capacity per slot.
    public let sampleCapacity: Int
    private var slots: [Int64: NumericSummary] = [:]

    /// A window of `lengthMs` cut into `slots` slots.
    public init(lengthMs: Double, slots: Int = 12, bins: HistogramBins? = nil, sampleCapacity: Int = 2_000) {
        precondition(lengthMs > 0 && slots > 0)
        self.lengthMs = lengthMs
        self.slotMs = lengthMs / Double(slots)
        self.bins = bins
        self.sampleCapacity = sampleCapacity
    }

    /// Adds a value stamped with its record time (epoch milliseconds); values older than the window are ignored.
    public mutating func add(_ x: Double, atMs t: Double) {
        let key = slotKey(t)
        if let newest = slots.keys.max(), key <= newest - Int64(lengthMs / slotMs) { return }
        slots[key, default: NumericSummary(bins: bins, sampleCapacity: sampleCapacity, seed: UInt64(bitPattern: key))].add(x)
        expire(before: key)
    }

    /// The summary of the slots ending with the one holding `nowMs`.
    public func summary(atMs nowMs: Double) -> NumericSummary {
        let newest = slotKey(nowMs)
        let oldest = newest - Int64(lengthMs / slotMs) + 1
        var out = NumericSummary(bins: bins, sampleCapacity: sampleCapacity * Int(lengthMs / slotMs))
        for key in slots.keys.sorted() where key >= oldest && key <= newest { out.merge(slots[key]!) }
        return out
    }

    private func slotKey(_ t: Double) -> Int64 { Int64((t / slotMs).rounded(.down)) }

    private mutating func expire(before newest: Int64) {
        let oldest = newest - Int64(lengthMs / slotMs) + 1
        for key in slots.keys where key < oldest { slots[key] = nil }
    }
}
