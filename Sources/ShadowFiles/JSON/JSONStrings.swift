/// Reading string nodes (comparing, unescaping) and writing JSON strings.
enum JSONStrings {
    /// The four hex digits at `i` as a UTF-16 code unit, or nil.
    @inline(__always)
    static func hex4(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt32? {
        guard i + 4 <= n else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = p[i + k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The bytes between the quotes of string node `node`.
    @inline(__always)
    static func content(_ node: JSONNode, in line: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: line + Int(node.start) + 1, count: Int(node.end - node.start) - 2)
    }

    /// Whether string node `node`, unescaped, equals `key`.
    @inline(__always)
    static func equals(_ node: JSONNode, _ key: UnsafeBufferPointer<UInt8>, in line: UnsafePointer<UInt8>) -> Bool {
        let raw = content(node, in: line)
        if node.flags & JSONNode.escaped == 0 {
            return raw.count == key.count && (key.isEmpty || ByteCompare.equal(raw.baseAddress!, key.baseAddress!, key.count))
        }
        return unescaped(raw).elementsEqual(key)
    }

    /// The UTF-8 bytes of a string node's value, escapes resolved.
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        let p = raw.baseAddress!
        let n = raw.count
        var i = 0
        while i < n {
            let c = p[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = p[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(p, i, n) ?? 0xFFFD
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00, let low = hex4(p, i + 2, n) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            default: out.append(e)  // \" \\ \/
            }
        }
        return out
    }

    /// A string node's value as a Swift String.
    static func string(_ node: JSONNode, in line: UnsafePointer<UInt8>) -> String {
        let raw = content(node, in: line)
        if node.flags & JSONNode.escaped == 0 { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: unescaped(raw), as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string (escaping quotes, backslashes and control characters).
    static func appendQuoted<C: Collection<UInt8>>(_ text: C, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in text {
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        for unit in UTF8.encode(scalar)! { out.append(unit) }
    }
}
