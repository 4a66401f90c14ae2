import CZlib
import Histogram

/// Decodes the `latency.histogram` and `timeline.histogram` columns: HdrHistogram's V2 compressed encoding in
/// base64, as `LatencyRecorder.encodedHistogram()` writes it (and the Java, C, Go and Python libraries do), back
/// into a histogram of nanoseconds.
public enum HDRHistogramDecoder {
    static let encodingCookie: UInt32 = 0x1c84_9313
    static let compressedCookie: UInt32 = 0x1c84_9314

    /// The histogram encoded in `text` (`HISTF…`).
    public static func decode(_ text: String) throws(HDRDecodingError) -> Histogram<UInt64> {
        guard let bytes = Base64Decoding.decode(text) else { throw .notBase64 }
        guard bytes.count >= 8 else { throw .truncated }
        let cookie = readUInt32(bytes, 0)
        switch cookie {
        case compressedCookie:
            let length = Int(readUInt32(bytes, 4))
            guard bytes.count >= 8 + length else { throw .truncated }
            return try decodeUncompressed(try inflate(Array(bytes[8..<(8 + length)])))
        case encodingCookie:
            return try decodeUncompressed(bytes)
        default:
            throw .badCookie(cookie)
        }
    }

    /// Decodes the uncompressed V2 form: a 40-byte header, then ZigZag LEB128 counts with negative zero runs.
    static func decodeUncompressed(_ b: [UInt8]) throws(HDRDecodingError) -> Histogram<UInt64> {
        guard b.count >= 40 else { throw .truncated }
        guard readUInt32(b, 0) == encodingCookie else { throw .badCookie(readUInt32(b, 0)) }
        let payloadLength = Int(readUInt32(b, 4))
        let digits = Int(readUInt32(b, 12))
        let lowest = readUInt64(b, 16)
        let highest = readUInt64(b, 24)
        guard b.count >= 40 + payloadLength else { throw .truncated }
        guard lowest == 1 else { throw .unsupportedLayout("lowest discernible value \(lowest)") }
        guard let significant = SignificantDigits(rawValue: Int8(clamping: digits)) else {
            throw .unsupportedLayout("\(digits) significant digits")
        }
        guard highest >= 2 else { throw .unsupportedLayout("highest trackable value \(highest)") }
        var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highest,
                                          numberOfSignificantValueDigits: significant)
        let layout = HDRLayout(significantDigits: digits)
        var position = 40
        let end = 40 + payloadLength
        var index = 0
        while position < end {
            let value = try readZigZag(b, &position, end: end)
            if value < 0 {
                index += Int(-value)
            } else {
                if value > 0 {
                    let v = layout.value(atIndex: index)
                    guard v <= highest else { throw .truncated }
                    _ = histogram.record(v, count: UInt64(value))
                }
                index += 1
            }
        }
        return histogram
    }

    /// HdrHistogram's ZigZag LEB128: up to 8 bytes of 7 bits, a 9th byte of 8.
    static func readZigZag(_ b: [UInt8], _ position: inout Int, end: Int) throws(HDRDecodingError) -> Int64 {
        var raw: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw .truncated }
            let byte = b[position]
            position += 1
            if shift == 56 {
                raw |= UInt64(byte) << 56
                break
            }
            raw |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    static func inflate(_ data: [UInt8]) throws(HDRDecodingError) -> [UInt8] {
        var capacity = max(1024, data.count * 8)
        while capacity <= 64 << 20 {
            var out = [UInt8](repeating: 0, count: capacity)
            var length = uLong(capacity)
            let status = data.withUnsafeBufferPointer { source in
                uncompress(&out, &length, source.baseAddress, uLong(data.count))
            }
            if status == Z_OK { return Array(out[0..<Int(length)]) }
            guard status == Z_BUF_ERROR else { throw .inflateFailed(status) }
            capacity *= 4
        }
        throw .inflateFailed(Z_BUF_ERROR)
    }

    static func readUInt32(_ b: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(b[at + $1]) }
    }

    static func readUInt64(_ b: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(b[at + $1]) }
    }
}
