import ShadowCore

/// The `k` disagreements with the largest |delta| of one shadow and kind: a min-heap on |delta|. Rows without a
/// delta (shadow errors) are not kept.
struct TopDisagreements: Sendable {
    let capacity: Int
    private(set) var heap: [DisagreementRow] = []
    /// Whether the kept set changed since the last `markWritten`.
    private(set) var changed = false

    init(capacity: Int, rows: [DisagreementRow] = []) {
        self.capacity = capacity
        for row in rows { offer(row) }
        changed = false
    }

    /// The smallest |delta| kept, when full (a row must beat it to enter).
    var threshold: Double? { heap.count >= capacity ? Self.magnitude(heap[0]) : nil }

    /// Keeps `row` when it is among the largest so far.
    @inline(__always)
    mutating func offer(_ row: DisagreementRow) {
        guard capacity > 0, let delta = row.delta, !delta.isNaN else { return }
        let magnitude = abs(delta)
        if heap.count < capacity {
            heap.append(row)
            siftUp(heap.count - 1)
            changed = true
        } else if magnitude > Self.magnitude(heap[0]) {
            heap[0] = row
            siftDown(0)
            changed = true
        }
    }

    mutating func markWritten() { changed = false }

    static func magnitude(_ row: DisagreementRow) -> Double { abs(row.delta ?? 0) }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.magnitude(heap[child]) < Self.magnitude(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, Self.magnitude(heap[left]) < Self.magnitude(heap[smallest]) { smallest = left }
            if right < heap.count, Self.magnitude(heap[right]) < Self.magnitude(heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
