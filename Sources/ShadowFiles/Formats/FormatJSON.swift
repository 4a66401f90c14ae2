/// A small JSON tree for captured bodies (built from `JSONTape`), re-encodable with number literals kept as written.
enum FormatJSON {
    /// An object's member names and values, in order.
    case object(keys: [String], values: [FormatJSON])
    case array([FormatJSON])
    case string(String)
    /// A number: its value and its literal text.
    case number(Double, literal: String)
    case bool(Bool)
    case null

    /// Parses `bytes` as one JSON value; the error is a reject reason starting with `what` ("body", "line").
    static func parse(_ bytes: [UInt8], what: String = "body") -> Result<FormatJSON, LineReject> {
        var tape = JSONTape(capacity: 64)
        return bytes.withUnsafeBufferPointer { buffer -> Result<FormatJSON, LineReject> in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return .failure(LineReject(.malformedJSON, "empty \(what)"))
            }
            guard tape.parse(base, count: buffer.count) else {
                if let bad = UTF8Validation.firstInvalid(base, count: buffer.count) {
                    return .failure(LineReject(.invalidUTF8, "\(what): invalid UTF-8 at byte \(bad + 1)"))
                }
                return .failure(LineReject(.malformedJSON, "\(what): " + tape.error.message))
            }
            var index = 0
            return .success(build(tape, &index, base))
        }
    }

    private static func build(_ tape: borrowing JSONTape, _ index: inout Int, _ line: UnsafePointer<UInt8>) -> FormatJSON {
        let node = tape[index]
        switch node.kind {
        case .object:
            var members: [(key: String, value: FormatJSON)] = []
            var i = index + 1
            while i < Int(node.next) {
                let key = JSONStrings.string(tape[i], in: line)
                i += 1
                let valueEnd = Int(tape[i].next)
                members.append((key, build(tape, &i, line)))
                i = valueEnd
            }
            index = Int(node.next)
            return .members(members)
        case .array:
            var items: [FormatJSON] = []
            var i = index + 1
            while i < Int(node.next) {
                let end = Int(tape[i].next)
                items.append(build(tape, &i, line))
                i = end
            }
            index = Int(node.next)
            return .array(items)
        case .string:
            index += 1
            return .string(JSONStrings.string(node, in: line))
        case .number, .nonFinite:
            index += 1
            let literal = String(decoding: UnsafeBufferPointer(start: line + node.range.lowerBound, count: node.range.count),
                                 as: UTF8.self)
            return .number(node.number, literal: literal)
        case .true:
            index += 1
            return .bool(true)
        case .false:
            index += 1
            return .bool(false)
        case .null:
            index += 1
            return .null
        }
    }

    /// The member `key` of an object (the last one wins), else nil.
    subscript(key: String) -> FormatJSON? {
        guard case .object(let keys, let values) = self, let k = keys.lastIndex(of: key) else { return nil }
        return values[k]
    }

    /// An object of `members`.
    static func members(_ members: [(key: String, value: FormatJSON)]) -> FormatJSON {
        .object(keys: members.map(\.key), values: members.map(\.value))
    }

    /// An object's members, else nil.
    var members: [(key: String, value: FormatJSON)]? {
        guard case .object(let keys, let values) = self else { return nil }
        return Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    /// The elements of an array, else nil.
    var array: [FormatJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string, else nil.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a number, else nil.
    var number: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// Appends the value as compact JSON.
    func write(to out: inout [UInt8]) {
        switch self {
        case .object(let keys, let values):
            out.append(UInt8(ascii: "{"))
            for k in keys.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONStrings.appendQuoted(keys[k].utf8, to: &out)
                out.append(UInt8(ascii: ":"))
                values[k].write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): JSONStrings.appendQuoted(text.utf8, to: &out)
        case .number(_, let literal): out.append(contentsOf: literal.utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }
}
