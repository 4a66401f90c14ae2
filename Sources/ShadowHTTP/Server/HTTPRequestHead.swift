/// The parts of a request head the test server needs.
struct HTTPRequestHead {
    var path: String
    var headLength: Int
    var bodyLength: Int
    var close: Bool

    /// Parses a whole head at the start of `input`; nil until it is complete (or when it is not HTTP).
    static func parse(_ input: [UInt8]) -> HTTPRequestHead? {
        guard input.count >= 4 else { return nil }
        var end = -1
        for i in 0...(input.count - 4)
        where input[i] == 0x0D && input[i + 1] == 0x0A && input[i + 2] == 0x0D && input[i + 3] == 0x0A {
            end = i + 4
            break
        }
        guard end > 0 else { return nil }
        let text = String(decoding: input[0..<end], as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var length = 0
        var close = first.hasSuffix("HTTP/1.0")
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            if name == "content-length" { length = Int(value.trimmingSuffix) ?? 0 }
            if name == "connection" { close = value.lowercased().contains("close") }
        }
        return HTTPRequestHead(path: String(parts[1]), headLength: end, bodyLength: length, close: close)
    }
}

extension Substring {
    var trimmingSuffix: Substring {
        var s = self
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
