/// A parsed JSON document as a tree; for request bodies the test server reads and for tests, not the client path.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Parses a whole document (NaN/Infinity tokens accepted); nil when malformed.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            guard let value = read(&scanner) else { return nil }
            scanner.skipSpace()
            return scanner.position == scanner.end ? value : nil
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// The elements of an array (nil for other values).
    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The value as a model input: numbers, booleans as 0/1; nil for anything else.
    public var double: Double? {
        switch self {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .null: return .nan
        default: return nil
        }
    }

    /// The string value (nil for other values).
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Every number inside, depth first.
    public var flattened: [Double]? {
        switch self {
        case .array(let items):
            var out: [Double] = []
            for item in items {
                guard let inner = item.flattened else { return nil }
                out += inner
            }
            return out
        default:
            return double.map { [$0] }
        }
    }

    static func read(_ s: inout JSONScanner) -> JSONValue? {
        s.skipSpace()
        switch s.current {
        case UInt8(ascii: "{"):
            s.position += 1
            var members: [(String, JSONValue)] = []
            s.skipSpace()
            if s.current == UInt8(ascii: "}") { s.position += 1; return .object(members) }
            while true {
                s.skipSpace()
                guard let key = readString(&s) else { return nil }
                s.skipSpace()
                guard s.current == UInt8(ascii: ":") else { return nil }
                s.position += 1
                guard let value = read(&s) else { return nil }
                members.append((key, value))
                s.skipSpace()
                let c = s.current
                s.position += 1
                if c == UInt8(ascii: "}") { return .object(members) }
                guard c == UInt8(ascii: ",") else { return nil }
            }
        case UInt8(ascii: "["):
            s.position += 1
            var items: [JSONValue] = []
            s.skipSpace()
            if s.current == UInt8(ascii: "]") { s.position += 1; return .array(items) }
            while true {
                guard let value = read(&s) else { return nil }
                items.append(value)
                s.skipSpace()
                let c = s.current
                s.position += 1
                if c == UInt8(ascii: "]") { return .array(items) }
                guard c == UInt8(ascii: ",") else { return nil }
            }
        case UInt8(ascii: "\""):
            return readString(&s).map(JSONValue.string)
        default:
            let start = s.position
            guard s.skipValue() else { return nil }
            let n = s.position - start
            let first = s.base[start]
            if first == UInt8(ascii: "n") { return n == 4 && s.base[start + 1] == UInt8(ascii: "u") ? .null : nil }
            if first == UInt8(ascii: "t") || first == UInt8(ascii: "f") {
                return n == (first == UInt8(ascii: "t") ? 4 : 5) ? .bool(first == UInt8(ascii: "t")) : nil
            }
            return JSONNumber.parse(s.base + start, count: n).map(JSONValue.number)
        }
    }

    static func readString(_ s: inout JSONScanner) -> String? {
        guard s.current == UInt8(ascii: "\"") else { return nil }
        var bytes: [UInt8] = []
        s.position += 1
        while s.position < s.end {
            let c = s.base[s.position]
            s.position += 1
            if c == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
            if c != UInt8(ascii: "\\") { bytes.append(c); continue }
            guard s.position < s.end else { return nil }
            let e = s.base[s.position]
            s.position += 1
            switch e {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                guard s.position + 4 <= s.end,
                      let code = UInt32(String(decoding: UnsafeBufferPointer(start: s.base + s.position, count: 4),
                                               as: UTF8.self), radix: 16) else { return nil }
                s.position += 4
                bytes.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
            default: bytes.append(e)
            }
        }
        return nil
    }
}
