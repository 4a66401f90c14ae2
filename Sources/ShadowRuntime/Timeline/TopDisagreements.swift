import ShadowCore

/// The `k` disagreements with the largest |delta| of one shadow and kind: a min-heap on (|delta|, later first), so
/// among equal values the earlier rows (smaller `seq`, smaller id) stay. Rows without a delta (shadow errors) are not
/// kept.
struct TopDisagreements: Sendable {
    let capacity: Int
    private(set) var heap: [(row: DisagreementRow, seq: Int64)] = []
    /// Whether the kept set changed since the last `markWritten`.
    private(set) var changed = false

    init(capacity: Int, rows: [(row: DisagreementRow, seq: Int64)] = []) {
        self.capacity = capacity
        for entry in rows { offer(entry.row, seq: entry.seq) }
        changed = false
    }

    /// The smallest |delta| kept, when full (a row must beat it to enter).
    var threshold: Double? { heap.count >= capacity ? Self.magnitude(heap[0].row) : nil }

    /// Keeps `row` when it is among the largest so far.
    @inline(__always)
    mutating func offer(_ row: DisagreementRow, seq: Int64) {
        guard capacity > 0, let delta = row.delta, !delta.isNaN else { return }
        let magnitude = abs(delta)
        if heap.count < capacity {
            heap.append((row.compacted, seq))
            siftUp(heap.count - 1)
            changed = true
        } else if magnitude > Self.magnitude(heap[0].row) {
            heap[0] = (row.compacted, seq)
            siftDown(0)
            changed = true
        }
    }

    mutating func markWritten() { changed = false }

    static func magnitude(_ row: DisagreementRow) -> Double { abs(row.delta ?? 0) }

    /// Whether entry `a` ranks below `b`: smaller |delta|, or equal and later.
    @inline(__always)
    func below(_ a: Int, _ b: Int) -> Bool {
        let ma = Self.magnitude(heap[a].row), mb = Self.magnitude(heap[b].row)
        return ma < mb || (ma == mb && heap[a].seq > heap[b].seq)
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard below(child, parent) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, below(left, smallest) { smallest = left }
            if right < heap.count, below(right, smallest) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
