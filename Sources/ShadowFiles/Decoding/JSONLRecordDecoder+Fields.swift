import ShadowCore

/// The id, time and label of a JSON line.
extension JSONLRecordDecoder {
    /// The request id: a string, or an integer rendered as its decimal digits.
    func readID(tape: borrowing JSONTape, line: UnsafePointer<UInt8>,
                members: UnsafeMutableBufferPointer<Int32>) throws(LineReject) -> String {
        guard let index = id.resolve(in: tape, line: line, members: members) else {
            throw .field(id.text, .missingField, "missing")
        }
        let node = tape[index]
        switch node.kind {
        case .string:
            return JSONStrings.string(node, in: line)
        case .number where node.flags & JSONNode.integer != 0:
            return String(decoding: UnsafeBufferPointer(start: line + node.range.lowerBound, count: node.range.count),
                          as: UTF8.self)
        case .null:
            throw .field(id.text, .missingField, "is null")
        case .number:
            throw .field(id.text, .wrongType, "expected string or integer, got non-integer number")
        default:
            throw .field(id.text, .wrongType, "expected string or integer, got \(node.kind.typeName)")
        }
    }

    /// The record time in epoch milliseconds, or nil when the line has none.
    func readTime(tape: borrowing JSONTape, line: UnsafePointer<UInt8>,
                  members: UnsafeMutableBufferPointer<Int32>) throws(LineReject) -> Double? {
        switch time {
        case .pointer(let pointer, let field):
            guard let index = pointer.resolve(in: tape, line: line, members: members) else { return nil }
            return try timeValue(tape[index], field, line: line)
        case .defaults(let timestamp, let timestampField, let epochMs, let epochMsField):
            if let index = timestamp.resolve(in: tape, line: line, members: members) {
                return try timeValue(tape[index], timestampField, line: line)
            }
            if let index = epochMs.resolve(in: tape, line: line, members: members) {
                return try timeValue(tape[index], epochMsField, line: line)
            }
            return nil
        }
    }

    private func timeValue(_ node: JSONNode, _ field: TimeField, line: UnsafePointer<UInt8>) throws(LineReject) -> Double? {
        switch node.kind {
        case .string where node.flags & JSONNode.escaped != 0:
            let text = JSONStrings.unescaped(JSONStrings.content(node, in: line))
            return try text.withUnsafeBufferPointer { (buffer) throws(LineReject) -> Double in
                try field.epochMs(text: buffer)
            }
        case .string:
            return try field.epochMs(text: JSONStrings.content(node, in: line))
        case .number:
            let literal = node.flags & JSONNode.integer != 0
                ? UnsafeBufferPointer(start: line + node.range.lowerBound, count: node.range.count) : nil
            return try field.epochMs(number: node.number, integerLiteral: literal)
        case .null, .nonFinite:
            return nil
        default:
            throw field.reject(.wrongType, "expected string or number, got \(node.kind.typeName)")
        }
    }

    /// The ground-truth label, or nil when absent or null.
    func readLabel(tape: borrowing JSONTape, line: UnsafePointer<UInt8>,
                   members: UnsafeMutableBufferPointer<Int32>) throws(LineReject) -> FeatureValue? {
        guard let index = label.resolve(in: tape, line: line, members: members) else { return nil }
        let node = tape[index]
        switch node.kind {
        case .number: return .number(node.number)
        case .string: return .string(JSONStrings.string(node, in: line))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null, .nonFinite: return nil
        case .object, .array:
            throw .field(label.text, .wrongType, "expected number, string, bool or null, got \(node.kind.typeName)")
        }
    }
}
