import ShadowCore

/// Physical lines of a (possibly inflated) capture file, each with its 1-based number and byte offset.
///
/// Offsets count bytes of the inflated text, so for a `.gz` file they are positions in the decompressed stream.
struct FormatLineReader {
    /// One line, without its `\n` (a trailing `\r` is kept: HTTP framing needs it to find the body exactly).
    struct Line {
        var bytes: [UInt8]
        var number: Int
        var offset: Int64
        /// The line was longer than the limit; `bytes` is empty and the rest was skipped unbuffered.
        var tooLong = false
    }

    private let stream: FormatByteStream
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Whether a last line without its newline is left for a later call (a followed file still being written).
    var holdsIncompleteFinalLine = false
    /// Lines returned so far.
    private(set) var linesRead = 0
    /// Bytes consumed through the last returned line (its newline included).
    private(set) var consumed: Int64 = 0

    /// Reads lines from `stream`; a line longer than `maxLineBytes` is returned empty and marked `tooLong`.
    init(stream: FormatByteStream, maxLineBytes: Int) {
        self.stream = stream
        self.maxLineBytes = max(maxLineBytes, 64)
    }

    /// The next line, or nil at the end of the file (a last line without a newline is returned unless held);
    /// after nil, a later call returns what was appended since.
    mutating func next() throws(TrafficReaderError) -> Line? {
        var skipped: (number: Int, offset: Int64)?
        var atEnd = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if let skipped { return finishSkip(skipped, through: newline, skip: 1) }
                return take(upTo: newline, skip: 1)
            }
            if atEnd {
                if let skipped { return finishSkip(skipped, through: buffer.count, skip: 0) }
                if start < buffer.count && !holdsIncompleteFinalLine { return take(upTo: buffer.count, skip: 0) }
                return nil
            }
            if buffer.count - start > maxLineBytes {
                // Too long: drop what is buffered and keep counting bytes until the newline.
                if skipped == nil {
                    linesRead += 1
                    skipped = (linesRead, consumed)
                }
                consumed += Int64(buffer.count - start)
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            if try stream.read(appendingTo: &buffer) == 0 { atEnd = true }
        }
    }

    private mutating func finishSkip(_ skipped: (number: Int, offset: Int64), through end: Int, skip: Int) -> Line {
        consumed += Int64(end - start + skip)
        start = end + skip
        return Line(bytes: [], number: skipped.number, offset: skipped.offset, tooLong: true)
    }

    private mutating func take(upTo end: Int, skip: Int) -> Line {
        linesRead += 1
        let line = Line(bytes: Array(buffer[start..<end]), number: linesRead, offset: consumed)
        consumed += Int64(end - start + skip)
        start = end + skip
        return line
    }
}
