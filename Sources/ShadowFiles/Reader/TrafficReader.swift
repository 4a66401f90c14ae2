#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// Reads a traffic file (JSONL or CSV) in constant memory, as chunks of whole lines for `decoder`.
///
/// One reader serves one consumer (it is not Sendable); decoding can fan out, since `decoder` is.
public final class TrafficReader {
    /// The file, as given.
    public let path: String
    /// `.jsonl`, `.csv` or a capture format (`.gor`, `.kserveLog`, `.seldonLog`), never `.auto`.
    public let format: SourceSettings.Format
    /// The decoder for this file's chunks.
    public let decoder: RecordDecoder
    /// The CSV header row's column names (nil for JSONL).
    public let csvHeader: [String]?
    /// The device holding the file (with `inode`, identifies the file across renames).
    public let device: UInt64
    /// The file's inode, for resumable positions (a rotated log keeps its inode, a new file gets another).
    public let inode: UInt64

    private var splitter: LineSplitter
    /// The reader of a capture format (GoReplay, CloudEvents logs); nil for JSONL and CSV.
    private var framed: FramedTrafficSource?
    private var sequence = 0

    /// Opens `path`, resolves its format and (for CSV) reads the header; starts at `startOffset`, which
    /// begins line `startLine + 1` (a position from an earlier chunk's `endOffset`/`endLine`).
    public convenience init(path: String, settings: SourceSettings, schema: FeatureSchema, startOffset: Int64 = 0,
                            startLine: Int = 0, bufferSize: Int = 1 << 18) throws(TrafficReaderError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TrafficReaderError(.open, file: path, "cannot open: \(LineSplitter.errorText())") }
        try self.init(fileDescriptor: fd, name: path, settings: settings, schema: schema, startOffset: startOffset,
                      startLine: startLine, bufferSize: bufferSize)
    }

    /// Reads from an already open descriptor (e.g. one passed over the control socket, so the daemon reads only
    /// what the caller could open); the reader owns it and closes it. `name` stands for the file in rows and errors.
    public init(fileDescriptor fd: Int32, name path: String, settings: SourceSettings, schema: FeatureSchema,
                startOffset: Int64 = 0, startLine: Int = 0, bufferSize: Int = 1 << 18) throws(TrafficReaderError) {
        self.path = path
        let format: SourceSettings.Format
        do throws(TrafficReaderError) {
            if settings.format == .auto, let found = FormatDetection.detect(fd: fd, path: path) {
                format = found
            } else {
                format = try Self.resolveFormat(settings.format, path: path)
            }
        } catch {
            _ = close(fd)
            throw error
        }
        self.format = format
        _ = lseek(fd, 0, SEEK_SET)  // a duplicated descriptor shares its offset with the original
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            _ = close(fd)
            throw TrafficReaderError(.open, file: path, "not a readable file")
        }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        var splitter = LineSplitter(fd: fd, path: path, bufferSize: bufferSize, maxLineBytes: settings.maxLineBytes,
                                    csvDelimiter: format == .csv ? settings.csvDelimiter : nil)
        do throws(TrafficReaderError) {
            if format.isFramed {
                csvHeader = nil
                do throws(TrafficReaderError) {
                    decoder = try RecordDecoder(framed: format, settings: settings, schema: schema)
                } catch {
                    throw TrafficReaderError(error.code, file: path, error.message)
                }
                framed = try FramedTrafficSource(fd: dup(fd), file: path, format: format, settings: settings,
                                                 schema: schema, startOffset: startOffset)
            } else if format == .csv {
                let header = try Self.readHeader(&splitter, path: path, delimiter: settings.csvDelimiter)
                csvHeader = header
                decoder = try RecordDecoder(csvHeader: header, settings: settings, schema: schema, file: path)
                if startOffset > splitter.consumed { try splitter.reposition(offset: startOffset, line: startLine) }
            } else {
                csvHeader = nil
                do throws(TrafficReaderError) {
                    decoder = try RecordDecoder(jsonlSettings: settings, schema: schema)
                } catch {
                    throw TrafficReaderError(error.code, file: path, error.message)
                }
                if startOffset > 0 { try splitter.reposition(offset: startOffset, line: startLine) }
            }
        } catch {
            splitter.closeFile()
            throw error
        }
        self.splitter = splitter
    }

    deinit {
        splitter.closeFile()
    }

    /// Whether an incomplete last line (no newline yet) is kept for a later call rather than read now.
    /// Set it when following a file that is still being written.
    public var holdsIncompleteFinalLine: Bool {
        get { splitter.holdsIncompleteFinalLine }
        set {
            splitter.holdsIncompleteFinalLine = newValue
            framed?.holdsIncompleteTail = newValue
        }
    }

    /// The resumable position: file offset just past the last consumed line, and lines consumed.
    public var position: (offset: Int64, line: Int) { framed?.position ?? (splitter.consumed, splitter.linesConsumed) }

    /// The next chunk of at most `maxLines` lines (blank and oversized lines count), or nil at end of file.
    /// After nil, a later call returns lines appended to the file since.
    public func nextChunk(maxLines: Int) throws(TrafficReaderError) -> LineChunk? {
        if let framed {
            guard let chunk = try framed.next(maxLines: max(maxLines, 1), sequence: sequence) else { return nil }
            sequence += 1
            return chunk
        }
        guard let chunk = try splitter.next(maxLines: max(maxLines, 1), sequence: sequence) else { return nil }
        sequence += 1
        return chunk
    }

    /// `.jsonl`/`.csv` as configured, or by extension for `.auto`.
    static func resolveFormat(_ format: SourceSettings.Format, path: String) throws(TrafficReaderError)
        -> SourceSettings.Format {
        guard format == .auto else { return format }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "jsonl", "ndjson", "json": return .jsonl
        case "csv": return .csv
        default:
            throw TrafficReaderError(.unknownFormat, file: path,
                                     "cannot tell the format from the extension \"\(ext)\"; set source.format to jsonl, csv, gor, kserve-log or seldon-log")
        }
    }

    /// Reads the first non-blank record as the CSV header.
    private static func readHeader(_ splitter: inout LineSplitter, path: String,
                                   delimiter: UInt8) throws(TrafficReaderError) -> [String] {
        while let chunk = try splitter.next(maxLines: 1, sequence: 0) {
            if !chunk.oversized.isEmpty {
                throw TrafficReaderError(.badCSVHeader, file: path, "line \(chunk.oversized[0].position.line): header row is longer than max_line_bytes")
            }
            guard let range = chunk.lines.first else { continue }
            let line = chunk.lineNumbers[0]
            var fields: [CSVField] = []
            let names: [String] = try chunk.bytes[range].withUnsafeBufferPointer { (buffer) throws(TrafficReaderError) -> [String] in
                let p = buffer.baseAddress!
                if let bad = UTF8Validation.firstInvalid(p, count: buffer.count) {
                    throw TrafficReaderError(.badCSVHeader, file: path, "line \(line): invalid UTF-8 at column \(bad + 1)")
                }
                if let problem = CSVRow.split(p, buffer.count, delimiter: delimiter, into: &fields) {
                    throw TrafficReaderError(.badCSVHeader, file: path, "line \(line): \(problem)")
                }
                return fields.map { CSVRow.string($0, in: p) }
            }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw TrafficReaderError(.badCSVHeader, file: path, "line \(line): column \"\(name)\" appears twice")
            }
            return names
        }
        throw TrafficReaderError(.badCSVHeader, file: path, "no header row (the file is empty)")
    }
}
