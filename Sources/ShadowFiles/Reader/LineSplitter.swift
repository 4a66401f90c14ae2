#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// Cuts a file's bytes into lines (JSONL) or records (CSV, newlines allowed inside quotes) in constant memory.
///
/// Bytes are read into a fixed buffer and copied into each chunk; a line longer than `maxLineBytes` is
/// dropped as soon as it exceeds the limit and the rest of it is skipped up to its newline.
struct LineSplitter {
    /// An oversized line being skipped.
    struct Skip {
        var offset: Int64
        var line: Int
        var length: Int
        var newlines: Int
    }

    let fd: Int32
    let path: String
    let buffer: UnsafeMutablePointer<UInt8>
    let bufferSize: Int
    let maxLineBytes: Int
    /// The CSV delimiter, or nil for JSONL.
    let csvDelimiter: UInt8?
    /// Keep an incomplete final line for the next call (follow mode) instead of reading it as a line.
    var holdsIncompleteFinalLine = false

    private var start = 0
    private var end = 0
    /// File offset just past the last consumed line.
    private(set) var consumed: Int64 = 0
    /// Physical lines consumed.
    private(set) var linesConsumed = 0
    private var carry: [UInt8] = []
    private var carryNewlines = 0
    var csvScanState = CSVScanState.fieldStart
    private var skipping: Skip?
    private var lastChunkBytes = 1 << 16

    init(fd: Int32, path: String, bufferSize: Int, maxLineBytes: Int, csvDelimiter: UInt8?) {
        self.fd = fd
        self.path = path
        self.bufferSize = max(bufferSize, 16)
        buffer = .allocate(capacity: self.bufferSize)
        self.maxLineBytes = min(max(maxLineBytes, 1), Int(Int32.max) - 1)
        self.csvDelimiter = csvDelimiter
    }

    /// Closes the file and frees the buffer.
    func closeFile() {
        _ = close(fd)
        buffer.deallocate()
    }

    /// Continues reading at `offset`, which starts physical line `line + 1`.
    mutating func reposition(offset: Int64, line: Int) throws(TrafficReaderError) {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw TrafficReaderError(.open, file: path, "cannot seek to byte \(offset): \(Self.errorText())")
        }
        start = 0
        end = 0
        consumed = offset
        linesConsumed = line
        carry = []
        carryNewlines = 0
        csvScanState = .fieldStart
        skipping = nil
    }

    /// Reads up to `maxLines` lines; nil when nothing was consumed (end of file for now).
    mutating func next(maxLines: Int, sequence: Int) throws(TrafficReaderError) -> LineChunk? {
        var out: [UInt8] = []
        out.reserveCapacity(lastChunkBytes + lastChunkBytes / 8)
        var lines: [Range<Int>] = []
        var numbers: [Int] = []
        var offsets: [Int64] = []
        lines.reserveCapacity(min(maxLines, 1 << 14))
        numbers.reserveCapacity(min(maxLines, 1 << 14))
        offsets.reserveCapacity(min(maxLines, 1 << 14))
        var oversized: [Reject] = []
        let consumedBefore = consumed
        var taken = 0
        var partial = carry.count
        var newlines = carryNewlines
        if !carry.isEmpty {
            out.append(contentsOf: carry)
            carry = []
            carryNewlines = 0
        }
        var atEOF = false

        func finishRecord(_ out: [UInt8], _ partial: Int) {
            var lineStart = out.count - partial
            var lineEnd = out.count
            if lineEnd > lineStart && out[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if consumed == 0 && lineEnd - lineStart >= 3 && out[lineStart] == 0xEF && out[lineStart + 1] == 0xBB
                && out[lineStart + 2] == 0xBF {
                lineStart += 3
            }
            if lineEnd > lineStart {
                lines.append(lineStart..<lineEnd)
                numbers.append(linesConsumed + 1)
                offsets.append(consumed)
            }
        }

        while taken < maxLines {
            if start == end {
                let count = try readSome()
                if count == 0 {
                    atEOF = true
                    break
                }
                start = 0
                end = count
            }
            let p = buffer + start
            let available = end - start
            if var skip = skipping {
                if let newline = Self.newline(in: p, available) {
                    skip.length += newline
                    oversized.append(reject(skip))
                    consumed = skip.offset + Int64(skip.length) + 1
                    linesConsumed = skip.line + skip.newlines
                    skipping = nil
                    taken += 1
                    start += newline + 1
                } else {
                    skip.length += available
                    skipping = skip
                    start = end
                }
                continue
            }
            let found = csvDelimiter == nil ? Self.newline(in: p, available) : scanCSV(p, available, &newlines)
            let take = found ?? available
            if partial + take > maxLineBytes {
                out.removeLast(partial)
                skipping = Skip(offset: consumed, line: linesConsumed + 1, length: partial + take, newlines: newlines)
                partial = 0
                newlines = 0
                csvScanState = .fieldStart
                start += take
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: take))
            partial += take
            start += take
            guard found != nil else { continue }
            start += 1
            finishRecord(out, partial)
            consumed += Int64(partial + 1)
            linesConsumed += 1 + newlines
            partial = 0
            newlines = 0
            taken += 1
        }

        if atEOF && !holdsIncompleteFinalLine {
            if let skip = skipping {
                oversized.append(reject(skip))
                consumed = skip.offset + Int64(skip.length)
                linesConsumed = skip.line + skip.newlines
                skipping = nil
            }
            if partial > 0 {
                finishRecord(out, partial)
                consumed += Int64(partial)
                linesConsumed += 1 + newlines
                csvScanState = .fieldStart
            }
        } else if partial > 0 {
            carry = Array(out.suffix(partial))
            carryNewlines = newlines
            out.removeLast(partial)
        }
        if lines.isEmpty && oversized.isEmpty && consumed == consumedBefore { return nil }
        lastChunkBytes = max(out.count, 4096)
        return LineChunk(sequence: sequence, file: path, bytes: out, lines: lines, lineNumbers: numbers,
                         lineOffsets: offsets, oversized: oversized, endOffset: consumed, endLine: linesConsumed)
    }

    private func reject(_ skip: Skip) -> Reject {
        Reject(position: SourcePosition(file: path, line: skip.line, byteOffset: skip.offset), code: .lineTooLong,
               reason: "line of \(skip.length) bytes is longer than max_line_bytes (\(maxLineBytes))")
    }

    private func readSome() throws(TrafficReaderError) -> Int {
        while true {
            let count = read(fd, buffer, bufferSize)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw TrafficReaderError(.read, file: path, "read failed: \(Self.errorText())")
        }
    }

    @inline(__always)
    private static func newline(in p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int? {
        guard let hit = memchr(p, 0x0A, count) else { return nil }
        return UnsafeMutableRawPointer(p).distance(to: hit)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
