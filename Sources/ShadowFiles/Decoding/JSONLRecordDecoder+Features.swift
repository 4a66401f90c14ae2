import ShadowCore

/// The features of a JSON line: dense values by schema slot, and the features object as JSON text.
extension JSONLRecordDecoder {
    /// The decoded features of one line.
    struct Features {
        var values: [Double]
        var strings: [Int: String]?
        /// The features JSON's range in the batch text.
        var json: Range<Int>
    }

    /// Reads the features into a dense array and returns it with the range of the features JSON.
    ///
    /// The range is a zero-copy slice of the line when the features are one object of finite values;
    /// otherwise (an array with names, extra single features, NaN tokens) an object is appended to `synthesized`.
    /// `guesses` carries, per member position, the slot seen there in the previous line.
    func readFeatures(tape: borrowing JSONTape, line: UnsafePointer<UInt8>, members: UnsafeMutableBufferPointer<Int32>,
                      guesses: UnsafeMutableBufferPointer<Int32>,
                      output: LineOutput, synthesized: inout [UInt8]) throws(LineReject) -> Features {
        var sawNonFinite = false
        var strings: [Int: String]?
        let container = features.resolve(in: tape, line: line, members: members)
        var failure: LineReject?
        var values = [Double](repeating: .nan, count: schema.count)
        if let c = container {
            let node = tape[c]
            switch node.kind {
            case .object:
                values.withUnsafeMutableBufferPointer { buffer in
                    var i = c + 1
                    var k = 0
                    while i < Int(node.next) {
                        let key = tape[i]
                        let value = tape[i + 1]
                        let slot: Int
                        if key.flags & JSONNode.escaped == 0 {
                            let name = JSONStrings.content(key, in: line)
                            slot = k < guesses.count ? slots.lookup(name, guess: &guesses[k]) : slots.lookup(name)
                        } else {
                            slot = JSONStrings.unescaped(JSONStrings.content(key, in: line))
                                .withUnsafeBufferPointer(slots.lookup)
                        }
                        guard Self.store(value, slot: slot, line: line, values: buffer, strings: &strings,
                                         sawNonFinite: &sawNonFinite) else {
                            let name = JSONStrings.unescaped(JSONStrings.content(key, in: line))
                            failure = Self.wrongFeatureType(features.appending(name).text, value)
                            return
                        }
                        i = Int(value.next)
                        k += 1
                    }
                }
            case .array:
                guard let arraySlots else {
                    throw .field(features.text, .wrongType, "expected object (or an array with feature_names), got array")
                }
                let count = tape.childCount(of: c)
                guard count == arraySlots.count else {
                    throw .field(features.text, .wrongType,
                                 "array has \(count) values but feature_names has \(arraySlots.count) names")
                }
                values.withUnsafeMutableBufferPointer { buffer in
                    var i = c + 1
                    var k = 0
                    while i < Int(node.next) {
                        let value = tape[i]
                        guard Self.store(value, slot: arraySlots[k], line: line, values: buffer, strings: &strings,
                                         sawNonFinite: &sawNonFinite) else {
                            failure = Self.wrongFeatureType(features.text + "/\(k)", value)
                            return
                        }
                        i = Int(value.next)
                        k += 1
                    }
                }
            default:
                throw .field(features.text, .wrongType, "expected object, got \(node.kind.typeName)")
            }
        } else if extras.isEmpty {
            throw .field(features.text, .missingField, "missing")
        }
        if let failure { throw failure }
        if extras.isEmpty && !sawNonFinite, let c = container, tape[c].kind == .object {
            let node = tape[c]
            return Features(values: values, strings: strings,
                            json: (output.lineStart + Int(node.start))..<(output.lineStart + Int(node.end)))
        }
        var found: [Int] = []
        for extra in extras {
            guard let index = extra.pointer.resolve(in: tape, line: line, members: members) else {
                found.append(-1)
                continue
            }
            let stored = values.withUnsafeMutableBufferPointer { buffer in
                Self.store(tape[index], slot: extra.slot, line: line, values: buffer, strings: &strings,
                           sawNonFinite: &sawNonFinite)
            }
            guard stored else { throw Self.wrongFeatureType(extra.pointer.text, tape[index]) }
            found.append(index)
        }
        let json = synthesize(tape: tape, line: line, container: container, extrasFound: found, output: output,
                              into: &synthesized)
        return Features(values: values, strings: strings, json: json)
    }

    /// Writes the features as one JSON object: the container's members (unless an extra overrides them),
    /// then the extras found. Non-finite values are written as null.
    private func synthesize(tape: borrowing JSONTape, line: UnsafePointer<UInt8>, container: Int?, extrasFound: [Int],
                            output: LineOutput, into text: inout [UInt8]) -> Range<Int> {
        let start = output.textBase + text.count
        var first = true
        func member(_ quotedName: UnsafeBufferPointer<UInt8>, _ value: JSONNode, _ text: inout [UInt8]) {
            text.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            text.append(contentsOf: quotedName)
            text.append(UInt8(ascii: ":"))
            if value.kind == .nonFinite {
                text.append(contentsOf: "null".utf8)
            } else {
                text.append(contentsOf: UnsafeBufferPointer(start: line + value.range.lowerBound, count: value.range.count))
            }
        }
        if let c = container {
            let node = tape[c]
            var i = c + 1
            var k = 0
            while i < Int(node.next) {
                if node.kind == .object {
                    let key = tape[i]
                    let value = tape[i + 1]
                    let overridden = extras.indices.contains { e in
                        extrasFound[e] >= 0
                            && extras[e].nameBytes.withUnsafeBufferPointer { JSONStrings.equals(key, $0, in: line) }
                    }
                    if !overridden {
                        member(UnsafeBufferPointer(start: line + key.range.lowerBound, count: key.range.count), value, &text)
                    }
                    i = Int(value.next)
                } else {
                    let value = tape[i]
                    arrayQuotedNames[k].withUnsafeBufferPointer { member($0, value, &text) }
                    i = Int(value.next)
                    k += 1
                }
            }
        }
        for (e, index) in extrasFound.enumerated() where index >= 0 {
            let value = tape[index]
            extras[e].quotedName.withUnsafeBufferPointer { member($0, value, &text) }
        }
        if first { text.append(UInt8(ascii: "{")) }
        text.append(UInt8(ascii: "}"))
        return start..<(output.textBase + text.count)
    }

    /// Stores one scalar in its slot (-1: no model reads it); false when the value is an object or array.
    @inline(__always)
    static func store(_ value: JSONNode, slot: Int, line: UnsafePointer<UInt8>, values: UnsafeMutableBufferPointer<Double>,
                      strings: inout [Int: String]?, sawNonFinite: inout Bool) -> Bool {
        let x: Double
        switch value.kind {
        case .number: x = value.number
        case .true: x = 1
        case .false: x = 0
        case .null: x = .nan
        case .nonFinite:
            sawNonFinite = true
            x = .nan
        case .string:
            if slot >= 0 {
                values[slot] = .nan
                if strings == nil { strings = [:] }
                strings![slot] = JSONStrings.string(value, in: line)
            }
            return true
        case .object, .array:
            return false
        }
        if slot >= 0 {
            values[slot] = x
            if strings != nil { strings![slot] = nil }
        }
        return true
    }

    static func wrongFeatureType(_ path: String, _ value: JSONNode) -> LineReject {
        .field(path, .wrongType, "expected number, string, bool or null, got \(value.kind.typeName)")
    }
}
