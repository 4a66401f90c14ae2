/// Why a stored latency histogram could not be decoded.
public enum HDRDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not base64.
    case notBase64
    /// The bytes do not start with an HdrHistogram V2 (compressed) cookie.
    case badCookie(UInt32)
    /// zlib refused the compressed payload.
    case inflateFailed(Int32)
    /// The header or payload is shorter than it says, or a count is malformed.
    case truncated
    /// The histogram's layout is not the one `LatencyRecorder` writes (lowest discernible value 1, 1–5 digits).
    case unsupportedLayout(String)

    /// A sentence for the report's note.
    public var description: String {
        switch self {
        case .notBase64: return "the histogram is not base64"
        case .badCookie(let c): return "the histogram has an unknown cookie 0x\(String(c, radix: 16))"
        case .inflateFailed(let s): return "the histogram's zlib payload is invalid (status \(s))"
        case .truncated: return "the histogram is truncated"
        case .unsupportedLayout(let what): return "the histogram's layout is not supported: \(what)"
        }
    }
}
