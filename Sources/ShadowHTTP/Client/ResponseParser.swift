/// Finds an HTTP/1.1 response's status and body inside a read buffer, without copying: chunked bodies are joined
/// in place, so the body is always one contiguous range of the buffer.
struct ResponseParser {
    enum Framing { case length(Int), chunked, untilClose, none }
    /// What the bytes so far amount to.
    enum Progress: Equatable { case needMore, complete(bodyStart: Int, bodyEnd: Int), malformed }

    var status = 0
    var headEnd = -1
    var framing = Framing.none
    var keepAlive = true
    /// Chunked: where the next chunk-size line starts, and where joined data ends.
    var chunkCursor = 0
    var joinedEnd = 0

    mutating func reset() { self = ResponseParser() }

    /// Looks at the first `count` bytes of `buffer` (which chunk joining may rewrite).
    mutating func parse(_ buffer: UnsafeMutablePointer<UInt8>, count: Int, closed: Bool) -> Progress {
        if headEnd < 0 {
            guard let end = Self.find(buffer, from: 0, count: count) else {
                return count > 65536 ? .malformed : .needMore
            }
            headEnd = end
            guard parseHead(buffer, count: end) else { return .malformed }
            chunkCursor = end
            joinedEnd = end
        }
        switch framing {
        case .none: return .complete(bodyStart: headEnd, bodyEnd: headEnd)
        case .length(let n):
            if count - headEnd >= n { return .complete(bodyStart: headEnd, bodyEnd: headEnd + n) }
            return closed ? .malformed : .needMore
        case .untilClose:
            return closed ? .complete(bodyStart: headEnd, bodyEnd: count) : .needMore
        case .chunked:
            return joinChunks(buffer, count: count)
        }
    }

    mutating func joinChunks(_ b: UnsafeMutablePointer<UInt8>, count: Int) -> Progress {
        while true {
            guard let lineEnd = Self.findCRLF(b, from: chunkCursor, count: count) else { return .needMore }
            var size = 0
            var i = chunkCursor
            var digits = 0
            while i < lineEnd, let v = Self.hex(b[i]) {
                size = size * 16 + v
                digits += 1
                i += 1
                if digits > 12 { return .malformed }
            }
            guard digits > 0 else { return .malformed }
            let dataStart = lineEnd + 2
            if size == 0 {
                // Trailers end with an empty line; usually there are none and it follows at once.
                var cursor = dataStart
                while true {
                    guard let end = Self.findCRLF(b, from: cursor, count: count) else { return .needMore }
                    if end == cursor { return .complete(bodyStart: headEnd, bodyEnd: joinedEnd) }
                    cursor = end + 2
                }
            }
            guard count >= dataStart + size + 2 else { return .needMore }
            if joinedEnd != dataStart { (b + joinedEnd).update(from: b + dataStart, count: size) }
            joinedEnd += size
            chunkCursor = dataStart + size + 2
        }
    }

    mutating func parseHead(_ b: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        // "HTTP/1.x SSS"
        guard count >= 12, b[0] == UInt8(ascii: "H"), b[4] == UInt8(ascii: "/"), b[8] == UInt8(ascii: " ") else {
            return false
        }
        var s = 0
        for i in 9..<12 {
            guard let d = Self.digit(b[i]) else { return false }
            s = s * 10 + d
        }
        status = s
        keepAlive = b[7] != UInt8(ascii: "0")
        var length: Int?
        var chunked = false
        var line = (Self.findCRLF(b, from: 0, count: count) ?? count) + 2
        while line < count {
            let end = Self.findCRLF(b, from: line, count: count) ?? count
            var colon = line
            while colon < end, b[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < end {
                var v = colon + 1
                while v < end, b[v] == 0x20 || b[v] == 0x09 { v += 1 }
                var ve = end
                while ve > v, b[ve - 1] == 0x20 || b[ve - 1] == 0x09 { ve -= 1 }
                if Self.nameIs(b, line, colon, "content-length") {
                    var n = 0
                    guard ve > v, ve - v < 16 else { return false }
                    for i in v..<ve {
                        guard let d = Self.digit(b[i]) else { return false }
                        n = n * 10 + d
                    }
                    length = n
                } else if Self.nameIs(b, line, colon, "transfer-encoding") {
                    chunked = Self.valueHas(b, v, ve, "chunked")
                } else if Self.nameIs(b, line, colon, "connection") {
                    if Self.valueHas(b, v, ve, "close") { keepAlive = false }
                    if Self.valueHas(b, v, ve, "keep-alive") { keepAlive = true }
                }
            }
            line = end + 2
        }
        if status == 204 || status == 304 || (100..<200).contains(status) {
            framing = .none
        } else if chunked {
            framing = .chunked
        } else if let length {
            framing = .length(length)
        } else {
            framing = .untilClose
            keepAlive = false
        }
        return true
    }

    /// Offset just past the first "\r\n\r\n", searching from `from`.
    static func find(_ b: UnsafeMutablePointer<UInt8>, from: Int, count: Int) -> Int? {
        var i = from
        while i + 3 < count {
            if b[i + 3] == 0x0A && b[i + 2] == 0x0D && b[i + 1] == 0x0A && b[i] == 0x0D { return i + 4 }
            i += 1
        }
        return nil
    }

    /// Offset of the next "\r\n".
    static func findCRLF(_ b: UnsafeMutablePointer<UInt8>, from: Int, count: Int) -> Int? {
        var i = from
        while i + 1 < count {
            if b[i] == 0x0D && b[i + 1] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    static func nameIs(_ b: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ name: StaticString) -> Bool {
        guard end - start == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for i in 0..<(end - start) where b[start + i] | 0x20 != p[i] { return false }
        return true
    }

    static func valueHas(_ b: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        var i = start
        while i + n <= end {
            var match = true
            for k in 0..<n where b[i + k] | 0x20 != p[k] {
                match = false
                break
            }
            if match { return true }
            i += 1
        }
        return false
    }

    @inline(__always) static func digit(_ c: UInt8) -> Int? { c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil }

    @inline(__always) static func hex(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        default: return nil
        }
    }
}
