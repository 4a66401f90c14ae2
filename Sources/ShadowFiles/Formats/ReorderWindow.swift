/// Records held back so that they leave in time order, and so that a response logged after its request can
/// still be attached to it.
///
/// At most `capacity` records wait; when one more arrives the earliest leaves. A record whose time is more than
/// `capacity` records late therefore still leaves out of order (the window is bounded so memory is).
struct ReorderWindow {
    /// A record waiting: its canonical JSON line without the closing brace, and what to attach later.
    struct Entry {
        var id: String
        /// The key responses are matched on (the gor id or the CloudEvent id).
        var pairKey: String
        /// Row of a batched request, and the batch size (responses are split the same way).
        var row: Int
        var rows: Int
        var time: Double
        var sequence: Int
        var line: Int
        var offset: Int64
        var prefix: [UInt8]
        var recorded: [UInt8]?
    }

    let capacity: Int
    private var heap: [(time: Double, sequence: Int)] = []
    private var entries: [Int: Entry] = [:]
    private var byKey: [String: [Int]] = [:]
    private var nextSequence = 0
    /// Sequences in arrival (= file) order; entries that left are skipped lazily from `arrivalHead`.
    private var arrivals: [Int] = []
    private var arrivalHead = 0

    /// A window holding up to `capacity` records.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Records waiting.
    var count: Int { entries.count }

    /// Where the earliest waiting record starts in the file (resuming there re-reads every waiting record).
    /// Records arrive in file order, so this is the oldest arrival still waiting.
    var earliestStart: (offset: Int64, line: Int)? {
        for k in arrivalHead..<arrivals.count {
            if let entry = entries[arrivals[k]] { return (entry.offset, entry.line - 1) }
        }
        return nil
    }

    /// Adds a record; returns the earliest one when the window overflows.
    mutating func insert(_ entry: Entry) -> Entry? {
        var entry = entry
        entry.sequence = nextSequence
        nextSequence += 1
        entries[entry.sequence] = entry
        byKey[entry.pairKey, default: []].append(entry.sequence)
        arrivals.append(entry.sequence)
        push((entry.time, entry.sequence))
        return entries.count > capacity ? popEarliest() : nil
    }

    /// The waiting records sharing `key`, for a response to fill in; false when none waits.
    mutating func attach(key: String, _ fill: (inout Entry) -> Void) -> Bool {
        guard let sequences = byKey[key] else { return false }
        for s in sequences { if entries[s] != nil { fill(&entries[s]!) } }
        return true
    }

    /// Removes and returns the earliest record (by time, then arrival).
    mutating func popEarliest() -> Entry? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        guard let entry = entries.removeValue(forKey: top.sequence) else { return nil }
        while arrivalHead < arrivals.count && entries[arrivals[arrivalHead]] == nil { arrivalHead += 1 }
        if arrivalHead > 4096 && arrivalHead * 2 > arrivals.count {
            arrivals.removeFirst(arrivalHead)
            arrivalHead = 0
        }
        if var list = byKey[entry.pairKey] {
            list.removeAll { $0 == top.sequence }
            byKey[entry.pairKey] = list.isEmpty ? nil : list
        }
        return entry
    }

    private static func less(_ a: (time: Double, sequence: Int), _ b: (time: Double, sequence: Int)) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }

    private mutating func push(_ item: (time: Double, sequence: Int)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && Self.less(heap[l], heap[m]) { m = l }
            if r < heap.count && Self.less(heap[r], heap[m]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
