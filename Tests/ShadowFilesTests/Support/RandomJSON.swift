/// Seeded random JSON text for differential tests: valid objects, then byte-level mutations of them.
struct RandomJSON {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// A random valid JSON object (as UTF-8 bytes), with random whitespace, escapes and numbers.
    mutating func object(depth: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        appendObject(&out, depth: depth)
        return out
    }

    private mutating func space(_ out: inout [UInt8]) {
        if Int.random(in: 0..<5, using: &rng) == 0 {
            out += Array([" ", "\t", "  ", "\r", " \r "][Int.random(in: 0..<5, using: &rng)].utf8)
        }
    }

    private mutating func appendObject(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "{"))
        space(&out)
        let count = Int.random(in: 0...(depth == 0 ? 8 : 4), using: &rng)
        for k in 0..<count {
            if k > 0 { out.append(UInt8(ascii: ",")); space(&out) }
            appendString(&out)
            space(&out)
            out.append(UInt8(ascii: ":"))
            space(&out)
            appendValue(&out, depth: depth + 1)
            space(&out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func appendValue(_ out: inout [UInt8], depth: Int) {
        switch Int.random(in: 0..<(depth > 4 ? 6 : 8), using: &rng) {
        case 0: out += Array("true".utf8)
        case 1: out += Array("false".utf8)
        case 2: out += Array("null".utf8)
        case 3, 4: appendNumber(&out)
        case 5: appendString(&out)
        case 6:
            out.append(UInt8(ascii: "["))
            space(&out)
            for k in 0..<Int.random(in: 0...4, using: &rng) {
                if k > 0 { out.append(UInt8(ascii: ",")); space(&out) }
                appendValue(&out, depth: depth + 1)
                space(&out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            appendObject(&out, depth: depth)
        }
    }

    private mutating func appendNumber(_ out: inout [UInt8]) {
        var text = Bool.random(using: &rng) ? "-" : ""
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: text += "\(Int.random(in: 0...1_000_000, using: &rng))"
        case 1: text += "\(Double.random(in: 0..<1000, using: &rng))"
        case 2: text += "\(Int.random(in: 1...9, using: &rng)).\(Int.random(in: 0...99999, using: &rng))e\(Int.random(in: -320...300, using: &rng))"
        default: text += "0.\(String(repeating: "0", count: Int.random(in: 0...5, using: &rng)))\(UInt64.random(in: 1...UInt64.max, using: &rng))"
        }
        out += Array(text.utf8)
    }

    private mutating func appendString(_ out: inout [UInt8]) {
        let pieces = ["a", "id", "features", "x_1", " ", "é", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9",
                      "\\ud83d\\ude00", "\\u0000", "\\t", "\u{7F}", "日本", "~", "/"]
        out.append(UInt8(ascii: "\""))
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            out += Array(pieces[Int.random(in: 0..<pieces.count, using: &rng)].utf8)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `bytes` with one to three random edits: replace, insert or delete a byte, or truncate.
    mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let interesting: [UInt8] = Array("{}[]\",:\\0123456789.eE-+tfnNIa \t".utf8) + [0x00, 0x0A, 0x1F, 0x80, 0xC3, 0xE0,
                                                                                    0xED, 0xF0, 0xF5, 0xFF]
        for _ in 0..<Int.random(in: 1...3, using: &rng) where !out.isEmpty {
            let at = Int.random(in: 0..<out.count, using: &rng)
            let byte = Bool.random(using: &rng) ? interesting[Int.random(in: 0..<interesting.count, using: &rng)]
                : UInt8.random(in: 0...255, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[at] = byte
            case 1: out.insert(byte, at: at)
            case 2: out.remove(at: at)
            default: out.removeLast(Int.random(in: 1...min(out.count, 8), using: &rng))
            }
        }
        return out
    }
}
