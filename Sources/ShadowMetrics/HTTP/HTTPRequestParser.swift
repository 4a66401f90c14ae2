/// Reads an HTTP/1.x request head from the bytes received so far (RFC 9112): the request line, then header
/// fields up to an empty line. Bodies are never read (the endpoint answers GET and HEAD and closes).
public enum HTTPRequestParser {
    /// What the bytes so far amount to.
    public enum Outcome: Sendable, Equatable {
        /// The head is not complete yet.
        case needMore
        /// A complete, valid head.
        case complete(HTTPRequestHead)
        /// The request cannot be served; answer with this status and close.
        case invalid(HTTPStatus)
    }

    /// Parses `bytes`; a head longer than `limit` bytes is `headersTooLarge`.
    public static func parse(_ bytes: [UInt8], limit: Int) -> Outcome {
        var start = 0
        // A server SHOULD ignore empty lines received before the request line.
        while start + 1 < bytes.count, bytes[start] == 0x0D, bytes[start + 1] == 0x0A { start += 2 }
        guard let end = headEnd(bytes, from: start) else {
            return bytes.count > limit ? .invalid(.headersTooLarge) : .needMore
        }
        guard end <= limit else { return .invalid(.headersTooLarge) }
        let lines = splitLines(bytes[start..<end])
        guard let requestLine = lines.first else { return .invalid(.badRequest) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              let version = minorVersion(parts[2]) else { return .invalid(.badRequest) }
        guard version >= 0 else { return .invalid(.versionNotSupported) }
        guard let path = path(of: parts[1]) else { return .invalid(.badRequest) }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte),
                  line[colon...].allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F || $0 >= 0x80 }) else {
                return .invalid(.badRequest)   // also obs-fold (a line starting with a space) and bare controls
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            headers.append((name, String(decoding: trimmed, as: UTF8.self)))
        }
        // HTTP/1.1 requests carry exactly one Host field.
        if version == 1 && headers.filter({ $0.name == "host" }).count != 1 { return .invalid(.badRequest) }
        return .complete(HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self), path: path,
                                         minorVersion: version, headers: headers))
    }

    /// The index just past the head's final empty line (CRLF CRLF, or LF LF leniently), if present.
    static func headEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return i + 2 }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    /// The head's lines without their CR LF (or LF), the final empty line dropped.
    static func splitLines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// 0 or 1 for `HTTP/1.0` and `HTTP/1.1`; -1 for another well-formed version (`HTTP/2.0`); nil if malformed.
    static func minorVersion(_ text: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(text)
        guard bytes.count == 8, bytes.starts(with: Array("HTTP/".utf8)), bytes[6] == 0x2E,
              (0x30...0x39).contains(bytes[5]), (0x30...0x39).contains(bytes[7]) else { return nil }
        guard bytes[5] == 0x31, bytes[7] <= 0x31 else { return -1 }
        return Int(bytes[7] - 0x30)
    }

    /// The path of an origin-form (`/metrics?x`) or absolute-form (`http://host/metrics`) target.
    static func path(of target: ArraySlice<UInt8>) -> String? {
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        var rest = target
        let scheme = Array("http://".utf8)
        if rest.count >= scheme.count, rest.prefix(scheme.count).map({ $0 | 0x20 }) == scheme.map({ $0 | 0x20 }) {
            rest = rest.dropFirst(scheme.count)
            rest = rest.firstIndex(of: 0x2F).map { rest[$0...] } ?? ArraySlice("/".utf8)
        }
        guard rest.first == 0x2F else { return nil }
        let path = rest.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }).map { rest[..<$0] } ?? rest
        return String(decoding: path, as: UTF8.self)
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
