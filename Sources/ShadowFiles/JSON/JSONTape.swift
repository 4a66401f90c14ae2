/// A parsed JSON line as a flat array of nodes in document order, reused from line to line.
///
/// One tape serves a whole chunk: `parse` overwrites it, so decoding allocates nothing per line. Offsets
/// are relative to the line, so a line must stay below 2 GiB (the reader's `maxLineBytes` cap ensures it).
struct JSONTape: ~Copyable {
    /// Deepest nesting accepted.
    static let maxDepth = 512

    private(set) var nodes: UnsafeMutablePointer<JSONNode>
    private var capacity: Int
    /// Nodes written by the last `parse`.
    private(set) var count = 0
    /// Open containers while parsing.
    let stack: UnsafeMutablePointer<Int32>
    /// 10^0 … 10^8, for the digit scanner.
    let pow10: UnsafeMutablePointer<UInt64>
    /// Tape index of the first non-finite node of the last parse, or -1.
    var firstNonFinite: Int32 = -1
    /// Why the last `parse` failed.
    var error = JSONSyntaxError(kind: .unexpectedEnd, offset: 0)

    init(capacity: Int = 128) {
        self.capacity = max(capacity, 16)
        nodes = .allocate(capacity: self.capacity)
        stack = .allocate(capacity: Self.maxDepth)
        pow10 = .allocate(capacity: 9)
        var power: UInt64 = 1
        for k in 0..<9 {
            pow10[k] = power
            power *= 10
        }
    }

    deinit {
        nodes.deallocate()
        stack.deallocate()
        pow10.deallocate()
    }

    /// The node at tape index `i` (no bounds check beyond a debug assertion).
    @inline(__always)
    subscript(i: Int) -> JSONNode {
        assert(i >= 0 && i < count)
        return nodes[i]
    }

    /// Forgets the previous line.
    @inline(__always)
    mutating func reset() {
        count = 0
        firstNonFinite = -1
    }

    /// Appends a node and returns its index; containers get their `end`/`next` when closed.
    @inline(__always)
    mutating func push(_ kind: JSONKind, flags: UInt8 = 0, start: Int, end: Int, number: Double = 0) -> Int32 {
        if count == capacity { grow() }
        let index = Int32(truncatingIfNeeded: count)
        nodes[count] = JSONNode(kind: kind, flags: flags, start: Int32(truncatingIfNeeded: start),
                                end: Int32(truncatingIfNeeded: end), next: index &+ 1, number: number)
        count += 1
        return index
    }

    /// Records where container `index` ends.
    @inline(__always)
    mutating func close(_ index: Int32, end: Int) {
        nodes[Int(index)].end = Int32(truncatingIfNeeded: end)
        nodes[Int(index)].next = Int32(truncatingIfNeeded: count)
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<JSONNode>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: nodes, count: count)
        nodes.deallocate()
        nodes = bigger
        capacity *= 2
    }

    /// The value node of the last member of object `index` whose key equals `key` (JSON's last-wins).
    func member(of index: Int, named key: UnsafeBufferPointer<UInt8>, in line: UnsafePointer<UInt8>) -> Int? {
        let object = nodes[index]
        var i = index + 1
        var found: Int?
        while i < Int(object.next) {
            let keyNode = nodes[i]
            if JSONStrings.equals(keyNode, key, in: line) { found = i + 1 }
            i = Int(nodes[i + 1].next)
        }
        return found
    }

    /// The `position`-th element of array `index`.
    func element(of index: Int, at position: Int) -> Int? {
        let array = nodes[index]
        var i = index + 1
        var n = 0
        while i < Int(array.next) {
            if n == position { return i }
            n += 1
            i = Int(nodes[i].next)
        }
        return nil
    }

    /// The number of members (object) or elements (array) of container `index`.
    func childCount(of index: Int) -> Int {
        var i = index + 1
        var n = 0
        while i < Int(nodes[index].next) {
            if nodes[index].kind == .object { i += 1 }
            i = Int(nodes[i].next)
            n += 1
        }
        return n
    }
}
