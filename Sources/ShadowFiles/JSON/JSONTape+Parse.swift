/// The byte-level RFC 8259 parser: one pass, no recursion, no allocation (the tape grows rarely).
///
/// Beyond RFC 8259 it recognizes the bare tokens `NaN`, `Infinity` and `-Infinity` (and number literals too
/// large for a Double) as `nonFinite` nodes and remembers the first, so the caller can reject or accept them.
/// The line must already be valid UTF-8: bytes ≥ 0x80 are only inspected inside strings.
extension JSONTape {
    /// Parses one line; on failure `error` says why and where.
    mutating func parse(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        reset()
        var depth = 0
        var inObject = false  // the innermost open container is an object
        var i = Self.skipSpace(p, 0, n)
        value: while true {
            guard i < n else { return fail(.unexpectedEnd, i) }
            switch p[i] {
            case UInt8(ascii: "{"):
                guard depth < Self.maxDepth else { return fail(.tooDeep, i) }
                let index = push(.object, start: i, end: i)
                stack[depth] = index
                depth += 1
                i = Self.skipSpace(p, i + 1, n)
                if i < n && p[i] == UInt8(ascii: "}") {
                    i += 1
                    close(index, end: i)
                    depth -= 1
                } else {
                    inObject = true
                    i = parseKey(p, i, n)
                    if i < 0 { return false }
                    continue value
                }
            case UInt8(ascii: "["):
                guard depth < Self.maxDepth else { return fail(.tooDeep, i) }
                let index = push(.array, start: i, end: i)
                stack[depth] = index
                depth += 1
                i = Self.skipSpace(p, i + 1, n)
                if i < n && p[i] == UInt8(ascii: "]") {
                    i += 1
                    close(index, end: i)
                    depth -= 1
                } else {
                    inObject = false
                    continue value
                }
            default:
                i = scanScalar(p, i, n)
                if i < 0 { return false }
            }
            // After a value: close containers or move to the next member.
            while true {
                i = Self.skipSpace(p, i, n)
                if depth == 0 { return i == n ? true : fail(.trailingCharacters, i) }
                guard i < n else { return fail(.unexpectedEnd, i) }
                let c = p[i]
                if c == UInt8(ascii: ",") {
                    i = Self.skipSpace(p, i + 1, n)
                    if inObject {
                        if i < n && p[i] == UInt8(ascii: "}") { return fail(.trailingComma, i) }
                        i = parseKey(p, i, n)
                        if i < 0 { return false }
                    } else if i < n && p[i] == UInt8(ascii: "]") {
                        return fail(.trailingComma, i)
                    }
                    continue value
                }
                if c == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    close(stack[depth - 1], end: i)
                    depth -= 1
                    if depth > 0 { inObject = nodes[Int(stack[depth - 1])].kind == .object }
                    continue
                }
                return fail(inObject ? .expectedCommaOrBrace : .expectedCommaOrBracket, i)
            }
        }
    }

    /// Scans the scalar value at `i` < `n` (a string, a number, `true`, `false`, `null`, or the bare `NaN` and
    /// `Infinity` tokens), pushes its node and returns the offset after it, or -1 with `error` set.
    @inline(__always)
    mutating func scanScalar(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        switch p[i] {
        case UInt8(ascii: "\""):
            var escaped = false
            let end = scanString(p, i, n, escaped: &escaped)
            if end < 0 { return -1 }
            _ = push(.string, flags: escaped ? JSONNode.escaped : 0, start: i, end: end)
            return end
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber(p, i, n)
        case UInt8(ascii: "t"): return literal(p, i, n, "true", .true)
        case UInt8(ascii: "f"): return literal(p, i, n, "false", .false)
        case UInt8(ascii: "n"): return literal(p, i, n, "null", .null)
        case UInt8(ascii: "N"): return literal(p, i, n, "NaN", .nonFinite, number: .nan)
        case UInt8(ascii: "I"): return literal(p, i, n, "Infinity", .nonFinite, number: .infinity)
        default: return failing(.unexpectedCharacter, i)
        }
    }

    /// Parses `"key" :` at `i` and returns the offset of the value after it, or -1.
    @inline(__always)
    private mutating func parseKey(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        guard i < n, p[i] == UInt8(ascii: "\"") else { return failing(.expectedKey, i) }
        var escaped = false
        let end = scanString(p, i, n, escaped: &escaped)
        if end < 0 { return -1 }
        _ = push(.string, flags: escaped ? JSONNode.escaped : 0, start: i, end: end)
        let colon = Self.skipSpace(p, end, n)
        guard colon < n, p[colon] == UInt8(ascii: ":") else { return failing(.expectedColon, colon) }
        return Self.skipSpace(p, colon + 1, n)
    }

    /// Matches a bare word and pushes its node; returns the offset after it, or -1.
    private mutating func literal(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ word: StaticString,
                                  _ kind: JSONKind, number: Double = 0) -> Int {
        let length = word.utf8CodeUnitCount
        guard n - i >= length else { return failing(.invalidLiteral, i) }
        let w = word.utf8Start
        for k in 0..<length where p[i + k] != w[k] { return failing(.invalidLiteral, i) }
        let index = push(kind, start: i, end: i + length, number: number)
        if kind == .nonFinite && firstNonFinite < 0 { firstNonFinite = index }
        return i + length
    }

    /// Skips JSON whitespace (space, tab, CR, LF).
    @inline(__always)
    static func skipSpace(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        while i < n {
            let c = p[i]
            if c > 0x20 || (c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09) { break }
            i += 1
        }
        return i
    }

    @inline(__always)
    mutating func fail(_ kind: JSONSyntaxError.Kind, _ offset: Int) -> Bool {
        error = JSONSyntaxError(kind: kind, offset: offset)
        return false
    }

    @inline(__always)
    mutating func failing(_ kind: JSONSyntaxError.Kind, _ offset: Int) -> Int {
        error = JSONSyntaxError(kind: kind, offset: offset)
        return -1
    }
}
