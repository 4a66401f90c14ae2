/// A raw HTTP/1.x message as captured in a log: start line, headers and body bytes.
struct HTTPMessage {
    /// `POST /v2/models/m/infer HTTP/1.1` or `HTTP/1.1 200 OK`.
    var startLine: String
    /// Header names lower-cased, in order.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first header named `name` (lower case).
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Parses `bytes` (CRLF or LF line ends); the body is `Content-Length` bytes when given, else the rest with
    /// trailing line breaks removed. A chunked body is de-chunked. Returns a reason when the message is unusable.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<HTTPMessage, HTTPMessageError> {
        var i = bytes.startIndex
        var lines: [String] = []
        var bodyStart: Int?
        while i < bytes.endIndex {
            let end = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var lineEnd = end
            if lineEnd > i && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let next = end < bytes.endIndex ? end + 1 : end
            if lineEnd == i && !lines.isEmpty {
                bodyStart = next
                break
            }
            if lineEnd > i || !lines.isEmpty { lines.append(String(decoding: bytes[i..<lineEnd], as: UTF8.self)) }
            i = next
        }
        guard let startLine = lines.first else { return .failure(.init("empty HTTP message")) }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(.init("HTTP header line \"\(line.prefix(60))\" has no colon"))
            }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingSpaces()))
        }
        var message = HTTPMessage(startLine: startLine, headers: headers, body: [])
        var body = bodyStart.map { bytes[$0...] } ?? bytes[bytes.endIndex...]
        if message.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            guard let plain = dechunk(body) else { return .failure(.init("malformed chunked body")) }
            message.body = plain
            return .success(message)
        }
        if let text = message.header("content-length") {
            guard let length = Int(text), length >= 0 else {
                return .failure(.init("Content-Length \"\(text)\" is not a byte count"))
            }
            guard length <= body.count else {
                return .failure(.init("body has \(body.count) bytes, Content-Length says \(length)"))
            }
            body = body.prefix(length)
        } else {
            while let last = body.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { body = body.dropLast() }
        }
        message.body = Array(body)
        return .success(message)
    }

    /// Joins the chunks of a `Transfer-Encoding: chunked` body.
    private static func dechunk(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard let end = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let sizeText = String(decoding: bytes[i..<end], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingSpaces() } ?? ""
            guard let size = Int(sizeText, radix: 16) else { return nil }
            if size == 0 { return out }
            let dataStart = end + 1
            guard dataStart + size <= bytes.endIndex else { return nil }
            out.append(contentsOf: bytes[dataStart..<(dataStart + size)])
            i = dataStart + size
            while i < bytes.endIndex && (bytes[i] == UInt8(ascii: "\r") || bytes[i] == UInt8(ascii: "\n")) { i += 1 }
        }
        return nil
    }
}
