import ShadowCore

/// The layout of one line, learned so that the chunk's next lines (logs write every line alike) are read by matching
/// the bytes between values and scanning only the values: no keys to scan and look up, no tree to walk.
///
/// A shape holds the literal bytes between values (`{"id":`, `,"features":{`, `,"f01":` …) and what each value is
/// for. It is learned from a line the full parser accepted, and only for a plain layout: every root member one the
/// decoder's pointers name, scalar values, and the features as one object of numbers under unescaped keys. A line
/// that departs from the shape anywhere (other bytes, a value of another kind, a non-finite number, a reject) is
/// read again by the full parser, so a shape changes how fast a line is read, never what it yields.
struct JSONLShape {
    enum Step {
        /// These bytes of `literals`, exactly.
        case literal(Range<Int>)
        /// A scalar value of root member `slot` of the decoder's `RootKeys`.
        case rootValue(slot: Int)
        /// The features object's opening brace.
        case featuresOpen
        /// A number member of the features object, stored at schema slot `slot` (-1: read, not stored).
        case feature(slot: Int)
        /// The features object's closing brace.
        case featuresClose
    }

    private(set) var literals: [UInt8] = []
    private(set) var steps: [Step] = []

    /// The shape of the line the tape holds, or nil when it is not a plain layout for `decoder`.
    init?(tape: borrowing JSONTape, line: UnsafePointer<UInt8>, count n: Int, decoder: JSONLRecordDecoder) {
        guard decoder.extras.isEmpty, decoder.arraySlots == nil, decoder.features.tokens.count == 1,
              tape[0].kind == .object, tape.firstNonFinite < 0 else { return nil }
        let featuresSlot = decoder.features.rootSlot
        var cursor = 0
        var sawFeatures = false
        func literal(to end: Int) {
            let start = literals.count
            literals.append(contentsOf: UnsafeBufferPointer(start: line + cursor, count: end - cursor))
            steps.append(.literal(start..<literals.count))
            cursor = end
        }
        let root = tape[0]
        var i = 1
        while i < Int(root.next) {
            let key = tape[i], value = tape[i + 1]
            guard key.flags & JSONNode.escaped == 0,
                  let slot = decoder.rootKeys.slot(of: JSONStrings.content(key, in: line)) else { return nil }
            literal(to: Int(value.start))
            if slot == featuresSlot {
                guard value.kind == .object else { return nil }
                sawFeatures = true
                steps.append(.featuresOpen)
                cursor += 1
                var k = i + 2
                while k < Int(value.next) {
                    let name = tape[k], number = tape[k + 1]
                    guard name.flags & JSONNode.escaped == 0, number.kind == .number else { return nil }
                    literal(to: Int(number.start))
                    steps.append(.feature(slot: decoder.slots.lookup(JSONStrings.content(name, in: line))))
                    cursor = Int(number.end)
                    k += 2
                }
                literal(to: Int(value.end) - 1)
                steps.append(.featuresClose)
                cursor += 1
            } else {
                guard value.kind != .object && value.kind != .array else { return nil }
                steps.append(.rootValue(slot: slot))
                cursor = Int(value.end)
            }
            i = Int(value.next)
        }
        literal(to: n)
        guard sawFeatures else { return nil }
    }

    /// Reads a line of this shape: fills `members` (root values, by root key) and `values` (features, by schema slot),
    /// and returns the features object's byte range in the line; nil when the line departs from the shape.
    func read(_ p: UnsafePointer<UInt8>, count n: Int, tape: inout JSONTape,
              members: UnsafeMutableBufferPointer<Int32>, values: UnsafeMutableBufferPointer<Double>) -> Range<Int>? {
        tape.reset()
        for k in members.indices { members[k] = -1 }
        var i = 0
        var open = 0
        var close = 0
        return literals.withUnsafeBufferPointer { literals -> Range<Int>? in
            for step in steps {
                switch step {
                case .literal(let range):
                    guard n - i >= range.count, range.isEmpty
                            || ByteCompare.equal(p + i, literals.baseAddress! + range.lowerBound, range.count)
                    else { return nil }
                    i += range.count
                case .rootValue(let slot):
                    // Any scalar (a NaN token too: `firstNonFinite` then sends the line to the full parser).
                    guard i < n else { return nil }
                    i = tape.scanScalar(p, i, n)
                    guard i >= 0 else { return nil }
                    members[slot] = Int32(tape.count - 1)
                case .featuresOpen:
                    guard i < n, p[i] == UInt8(ascii: "{") else { return nil }
                    open = i
                    i += 1
                case .feature(let slot):
                    guard i < n, p[i] == UInt8(ascii: "-") || p[i] &- 48 < 10 else { return nil }
                    i = tape.scanNumber(p, i, n)
                    guard i >= 0 else { return nil }
                    let node = tape[tape.count - 1]
                    guard node.kind == .number else { return nil }
                    if slot >= 0 { values[slot] = node.number }
                case .featuresClose:
                    guard i < n, p[i] == UInt8(ascii: "}") else { return nil }
                    i += 1
                    close = i
                }
            }
            guard i == n, tape.firstNonFinite < 0 else { return nil }
            return open..<close
        }
    }
}
