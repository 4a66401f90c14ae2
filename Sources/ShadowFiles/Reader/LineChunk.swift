import ShadowCore

/// A run of whole lines read from a traffic file, not yet decoded.
///
/// For CSV an entry of `lines` is one record, which may span several physical lines inside a quoted field;
/// `lineNumbers` gives each entry's first physical line.
public struct LineChunk: Sendable {
    /// Position of the chunk in its file's order (0, 1, 2, …).
    public var sequence: Int
    /// The file the lines came from, as given to the reader.
    public var file: String
    /// The lines' bytes, back to back (newlines included, so ranges are not contiguous).
    public var bytes: [UInt8]
    /// Each line's bytes inside `bytes`, without its newline or carriage return.
    public var lines: [Range<Int>]
    /// The 1-based line number of each entry of `lines`.
    public var lineNumbers: [Int]
    /// The file byte offset where each entry of `lines` starts.
    public var lineOffsets: [Int64]
    /// Lines longer than the limit, skipped without being buffered whole.
    public var oversized: [Reject]
    /// File offset just past the last line consumed (a resumable position).
    public var endOffset: Int64
    /// Number of physical lines consumed from the start of the file after this chunk.
    public var endLine: Int

    /// Creates a chunk from its parts.
    public init(sequence: Int, file: String, bytes: [UInt8], lines: [Range<Int>], lineNumbers: [Int],
                lineOffsets: [Int64], oversized: [Reject] = [], endOffset: Int64, endLine: Int) {
        self.sequence = sequence
        self.file = file
        self.bytes = bytes
        self.lines = lines
        self.lineNumbers = lineNumbers
        self.lineOffsets = lineOffsets
        self.oversized = oversized
        self.endOffset = endOffset
        self.endLine = endLine
    }

    /// The 1-based line number of `lines[0]` (or of the next unread line when the chunk has none).
    public var firstLine: Int { lineNumbers.first ?? endLine + 1 }

    /// The text of line `index` (for tests and messages).
    public func text(ofLine index: Int) -> String {
        String(decoding: bytes[lines[index]], as: UTF8.self)
    }
}
