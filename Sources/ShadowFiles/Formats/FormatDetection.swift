import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// `format = "auto"` for captures: `.gor`/`.gor.gz` by name, else by the first line's shape (a gor meta line,
/// an HTTP request line with `Ce-*` headers, or a JSON object with `specversion`), gzip or not.
enum FormatDetection {
    /// The capture format of the file behind `fd`, or nil to let the JSONL/CSV rules decide. Reads with `pread`,
    /// so the descriptor's offset is not moved.
    static func detect(fd: Int32, path: String) -> SourceSettings.Format? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if name.hasSuffix(".gor") || name.hasSuffix(".gor.gz") { return .gor }
        if name.hasSuffix(".csv") { return nil }
        var head = [UInt8](repeating: 0, count: 1 << 16)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        head.removeSubrange(n...)
        if head.count >= 2 && head[0] == 0x1f && head[1] == 0x8b { head = inflatePrefix(head) }
        return sniff(head)
    }

    /// The capture format whose first record `head` starts, if any.
    static func sniff(_ head: [UInt8]) -> SourceSettings.Format? {
        let text = String(decoding: head.prefix(8192), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingSpaces() }
        guard let first = lines.first(where: { !$0.isEmpty }) else { return nil }
        let fields = first.split(separator: " ")
        if fields.count == 4 || fields.count == 3, ["1", "2", "3"].contains(fields[0]), Int64(fields[2]) != nil {
            return .gor
        }
        let lower = text.lowercased()
        let seldon = lower.contains("io.seldon.serving")
        if CloudEvent.isRequestLine(Array(first.utf8)) {
            return lower.contains("\nce-id:") ? (seldon ? .seldonLog : .kserveLog) : nil
        }
        if first.hasPrefix("{") && first.contains("\"specversion\"") && first.contains("serving.inference.") {
            return seldon ? .seldonLog : .kserveLog
        }
        return nil
    }

    /// As much of a gzip stream's text as `compressed` (a prefix of the file) yields.
    private static func inflatePrefix(_ compressed: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { inflateEnd(&stream) }
        var input = compressed
        var output = [UInt8](repeating: 0, count: 1 << 16)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                _ = inflate(&stream, Z_SYNC_FLUSH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }
}
