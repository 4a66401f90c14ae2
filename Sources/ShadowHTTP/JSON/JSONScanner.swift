/// A forward-only JSON reader over bytes it does not own or copy: skips values, finds members, reads numbers
/// (accepting the `NaN`, `Infinity` and `-Infinity` tokens TF Serving writes) and flattens numeric arrays.
public struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    /// Offset of the next unread byte.
    public var position: Int

    /// A scanner over `bytes`, which must stay valid while it is used.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) }
            ?? UnsafePointer(bitPattern: 1)!
        self.end = bytes.count
        self.position = 0
    }

    @inline(__always) var current: UInt8 { position < end ? base[position] : 0 }

    @inline(__always) mutating func skipSpace() {
        while position < end {
            let c = base[position]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { position += 1 } else { return }
        }
    }

    /// Skips the string starting at the current quote. False when it is not terminated.
    mutating func skipString() -> Bool {
        guard current == UInt8(ascii: "\"") else { return false }
        position += 1
        while position < end {
            let c = base[position]
            if c == UInt8(ascii: "\\") { position += 2; continue }
            position += 1
            if c == UInt8(ascii: "\"") { return true }
        }
        return false
    }

    /// Skips one value of any type. False on malformed input.
    public mutating func skipValue() -> Bool {
        skipSpace()
        switch current {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while position < end {
                let c = base[position]
                if c == UInt8(ascii: "\"") {
                    if !skipString() { return false }
                    continue
                }
                position += 1
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        case 0: return false
        default:
            let start = position
            while position < end {
                let c = base[position]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20
                    || c == 0x0A || c == 0x0D || c == 0x09 { break }
                position += 1
            }
            return position > start
        }
    }

    /// With the cursor on an object, moves it to the value of member `key` (raw bytes, no escapes).
    public mutating func member(_ key: [UInt8]) -> Bool {
        skipSpace()
        guard current == UInt8(ascii: "{") else { return false }
        position += 1
        while true {
            skipSpace()
            if current == UInt8(ascii: "}") { return false }
            guard current == UInt8(ascii: "\"") else { return false }
            let keyStart = position + 1
            guard skipString() else { return false }
            let keyEnd = position - 1
            skipSpace()
            guard current == UInt8(ascii: ":") else { return false }
            position += 1
            if keyEnd - keyStart == key.count, key.withUnsafeBufferPointer({
                memcmpEqual(base + keyStart, $0.baseAddress!, key.count)
            }) {
                skipSpace()
                return true
            }
            guard skipValue() else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1 } else { return false }
        }
    }

    /// With the cursor on an array, moves it to element `index`.
    public mutating func element(_ index: Int) -> Bool {
        skipSpace()
        guard current == UInt8(ascii: "[") else { return false }
        position += 1
        var i = 0
        while true {
            skipSpace()
            if current == UInt8(ascii: "]") { return false }
            if i == index { return true }
            guard skipValue() else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1 } else { return false }
            i += 1
        }
    }

    /// Follows pointer tokens (object members or array indexes) from the current value.
    public mutating func follow(_ tokens: [[UInt8]]) -> Bool {
        for token in tokens {
            skipSpace()
            if current == UInt8(ascii: "[") {
                guard let index = Self.index(token), element(index) else { return false }
            } else if !member(token) {
                return false
            }
        }
        skipSpace()
        return true
    }

    static func index(_ token: [UInt8]) -> Int? {
        guard !token.isEmpty, token.count < 10 else { return nil }
        var n = 0
        for c in token {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// Reads a scalar as a number: numbers, `NaN`/`Infinity` tokens, booleans as 0/1, null as NaN.
    public mutating func number() -> Double? {
        skipSpace()
        let start = position
        guard skipValue() else { return nil }
        return JSONNumber.parse(base + start, count: position - start)
    }

    /// Appends every number in the current value, depth first (arrays and object members in order), writing at
    /// most `out.count` of them. Returns how many it met, or nil when a value is not numeric or malformed.
    public mutating func flatten(into out: UnsafeMutableBufferPointer<Double>, count: inout Int) -> Bool {
        skipSpace()
        let c = current
        if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
            let isObject = c == UInt8(ascii: "{")
            position += 1
            skipSpace()
            if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                position += 1
                return true
            }
            while true {
                if isObject {
                    skipSpace()
                    guard skipString() else { return false }
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return false }
                    position += 1
                }
                guard flatten(into: out, count: &count) else { return false }
                skipSpace()
                let d = current
                position += 1
                if d == UInt8(ascii: ",") { continue }
                return d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
        }
        guard let x = number() else { return false }
        if count < out.count { out[count] = x }
        count += 1
        return true
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
