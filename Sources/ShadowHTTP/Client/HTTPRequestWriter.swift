import ShadowCore

/// Frames requests: a head rendered once per model, the body written straight after it, the Content-Length
/// digits filled into a fixed-width slot afterwards (leading spaces are optional whitespace in HTTP).
public struct HTTPRequestWriter: Sendable {
    let head: [UInt8]
    static let slot = 10

    /// A writer for `POST path` to `endpoint` with JSON bodies and the extra `headers`.
    public init(endpoint: HTTPEndpoint, path: String, headers: [String: String]) {
        var text = "POST \(path) HTTP/1.1\r\nHost: \(endpoint.hostHeader)\r\nContent-Type: application/json\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "Content-Length:"
        head = Array(text.utf8)
    }

    /// Appends one request whose body `body` writes; returns nothing, `out.count` is the new boundary.
    @inline(__always)
    public func append(to out: inout [UInt8], body: (inout [UInt8]) -> Void) {
        out.append(contentsOf: head)
        let slot = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: Self.slot))
        out.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        let start = out.count
        body(&out)
        var length = out.count - start
        var at = slot + Self.slot - 1
        repeat {
            out[at] = UInt8(truncatingIfNeeded: length % 10) &+ 0x30
            length /= 10
            at -= 1
        } while length > 0
    }
}
