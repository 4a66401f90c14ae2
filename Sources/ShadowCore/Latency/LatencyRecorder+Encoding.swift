import CZlib
import Histogram

extension LatencyRecorder {
    /// The histogram in HdrHistogram's standard V2 compressed encoding, base64 (the `HISTF…` strings that the Java,
    /// C, Go and Python HdrHistogram libraries decode).
    public func encodedHistogram() -> String {
        HDREncoding.compressedBase64(histogram)
    }
}

/// HdrHistogram V2 encoding: a 40-byte big-endian header, then counts as ZigZag LEB128 with zero runs as negatives.
enum HDREncoding {
    static let encodingCookie: UInt32 = 0x1c84_9303 | 0x10
    static let compressedCookie: UInt32 = 0x1c84_9304 | 0x10

    /// Layout constants of a histogram with lowest discernible value 1 and three significant digits.
    static let subBucketHalfCountMagnitude = 10
    static let subBucketHalfCount = 1 << subBucketHalfCountMagnitude
    static let subBucketMask: UInt64 = UInt64(2 * subBucketHalfCount - 1)
    static let leadingZeroCountBase = 64 - subBucketHalfCountMagnitude - 1

    /// The counts-array index of a value (HdrHistogram's `countsArrayIndex`, unit magnitude 0).
    static func countsIndex(_ value: UInt64) -> Int {
        let bucket = leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount
        let subBucket = Int(value >> UInt64(bucket))
        return ((bucket + 1) << subBucketHalfCountMagnitude) + (subBucket - subBucketHalfCount)
    }

    static func uncompressed(_ histogram: Histogram<UInt64>) -> [UInt8] {
        var counts: [Int: UInt64] = [:]
        var maxIndex = -1
        for item in histogram.recordedValues() {
            let index = countsIndex(item.value)
            counts[index, default: 0] += item.count
            maxIndex = max(maxIndex, index)
        }
        var payload: [UInt8] = []
        var index = 0
        while index <= maxIndex {
            let count = counts[index] ?? 0
            if count == 0 {
                var zeros: Int64 = 0
                while index <= maxIndex && (counts[index] ?? 0) == 0 {
                    zeros += 1
                    index += 1
                }
                appendZigZag(-zeros, to: &payload)
            } else {
                appendZigZag(Int64(count), to: &payload)
                index += 1
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(40 + payload.count)
        appendBigEndian(encodingCookie, to: &out)
        appendBigEndian(UInt32(payload.count), to: &out)
        appendBigEndian(UInt32(0), to: &out)  // normalizing index offset
        appendBigEndian(UInt32(3), to: &out)  // significant digits
        appendBigEndian(UInt64(1), to: &out)  // lowest discernible value
        appendBigEndian(LatencyRecorder.highestTrackableNanos, to: &out)
        appendBigEndian((1.0).bitPattern, to: &out)  // integer-to-double conversion ratio
        out += payload
        return out
    }

    static func compressedBase64(_ histogram: Histogram<UInt64>) -> String {
        let raw = uncompressed(histogram)
        var destinationLength = compressBound(uLong(raw.count))
        var deflated = [UInt8](repeating: 0, count: Int(destinationLength))
        let status = raw.withUnsafeBufferPointer { source in
            compress(&deflated, &destinationLength, source.baseAddress, uLong(raw.count))
        }
        precondition(status == Z_OK, "zlib compress failed with status \(status)")
        var out: [UInt8] = []
        appendBigEndian(compressedCookie, to: &out)
        appendBigEndian(UInt32(destinationLength), to: &out)
        out += deflated[0..<Int(destinationLength)]
        return Base64.encode(out)
    }

    static func appendZigZag(_ value: Int64, to out: inout [UInt8]) {
        var v = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while v >= 0x80 {
            out.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func appendBigEndian<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
    }
}
