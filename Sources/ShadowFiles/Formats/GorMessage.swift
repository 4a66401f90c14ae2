/// One GoReplay record: the meta line `TYPE ID TIMESTAMP_NS LATENCY` and the raw HTTP message after it.
struct GorMessage {
    /// What a record holds (the meta line's first field).
    enum Kind: Int {
        case request = 1
        case response = 2
        case replayedResponse = 3
    }

    /// The line that ends every record: `🐵🙈🙉`.
    static let separator: [UInt8] = Array("🐵🙈🙉".utf8)

    var kind: Kind
    var id: String
    /// Capture time in nanoseconds since the Unix epoch.
    var timestampNs: Int64
    var http: HTTPMessage

    /// Parses one record's bytes (the separator excluded); the error is a reject reason.
    static func parse(_ bytes: [UInt8]) -> Result<GorMessage, LineReject> {
        let metaEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        var meta = String(decoding: bytes[..<metaEnd], as: UTF8.self)
        if meta.hasSuffix("\r") { meta.removeLast() }
        let fields = meta.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 3 else {
            return .failure(LineReject(.missingField, "gor meta line \"\(meta.prefix(80))\": expected TYPE ID TIMESTAMP_NS [LATENCY]"))
        }
        guard let type = Int(fields[0]), let kind = Kind(rawValue: type) else {
            return .failure(LineReject(.wrongType, "gor meta line: type \"\(fields[0].prefix(20))\" is not 1, 2 or 3"))
        }
        guard let timestamp = Int64(fields[2]), timestamp >= 0 else {
            return .failure(LineReject(.badTimestamp, "gor meta line: timestamp \"\(fields[2].prefix(30))\" is not nanoseconds since the epoch"))
        }
        let rest = metaEnd < bytes.endIndex ? bytes[(metaEnd + 1)...] : bytes[bytes.endIndex...]
        switch HTTPMessage.parse(rest) {
        case .failure(let error):
            return .failure(LineReject(.malformedJSON, "gor \(kind == .request ? "request" : "response") \(fields[1]): \(error.reason)"))
        case .success(let http):
            return .success(GorMessage(kind: kind, id: String(fields[1]), timestampNs: timestamp, http: http))
        }
    }
}
