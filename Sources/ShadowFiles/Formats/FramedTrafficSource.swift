import ShadowCore

/// Reads a GoReplay capture or a payload-logger CloudEvents log (plain or gzip) as chunks of canonical JSON lines
/// `{"id":…,"epoch_ms":…,"body"|"features":…,"recorded":…}` for `RecordDecoder(framed:…)`, in time order within a
/// window of `reorderWindow` records, responses attached to their requests by id.
///
/// Each line's number and offset are those of the record's first line in the file (for `.gz`, offsets in the
/// inflated text). Unusable records become rejects of the chunk. Not Sendable: one reader, one consumer.
final class FramedTrafficSource {
    /// Records held for reordering and pairing (GoReplay writes with several goroutines, so a capture is only
    /// roughly ordered; a response follows its request closely).
    static let defaultReorderWindow = 10_000

    let format: SourceSettings.Format
    let file: String
    private var lines: FormatLineReader
    private let stream: FormatByteStream
    private var window: ReorderWindow
    let body: InferenceBody
    /// `[source.fields] features`: where GoReplay request bodies hold the features.
    let featuresPointer: String
    /// Longest record accepted, in bytes (`max_line_bytes`).
    let maxBytesLimit: Int
    private let skipBefore: Int64
    private var peeked: FormatLineReader.Line?
    private var pendingRejects: [Reject] = []
    private var orphans: [String: FormatJSON] = [:]
    private var orphanOrder: [String] = []
    /// The latest record time met, given to records without one so they keep their place.
    private(set) var lastTimeSeen = 0.0
    /// A record whose end has not been written yet (only while `holdsIncompleteTail`).
    private var partial: Unit?

    /// Reads `fd` (owned, closed at the end) as `format` (`.gor`, `.kserveLog` or `.seldonLog`); units starting
    /// before `startOffset` are skipped (a resumed source).
    init(fd: Int32, file: String, format: SourceSettings.Format, settings: SourceSettings, schema: FeatureSchema,
         startOffset: Int64 = 0, reorderWindow: Int = FramedTrafficSource.defaultReorderWindow) throws(TrafficReaderError) {
        self.format = format
        self.file = file
        stream = try FormatByteStream(fd: fd, path: file)
        lines = FormatLineReader(stream: stream, maxLineBytes: settings.maxLineBytes)
        window = ReorderWindow(capacity: reorderWindow)
        body = InferenceBody(featureNames: settings.fields.featureNames, schema: schema)
        featuresPointer = settings.fields.features
        maxBytesLimit = settings.maxLineBytes
        skipBefore = startOffset
    }

    /// Where a resumed reader should start: before the earliest record still waiting or still incomplete, else
    /// past all input read.
    var position: (offset: Int64, line: Int) {
        var best = window.earliestStart ?? (lines.consumed, lines.linesRead)
        if let partial, partial.offset < best.offset { best = (partial.offset, partial.line - 1) }
        if let peeked, peeked.offset < best.offset { best = (peeked.offset, peeked.number - 1) }
        return best
    }

    /// Whether a record still missing its end at the end of the file waits for more bytes (following a file).
    var holdsIncompleteTail: Bool {
        get { lines.holdsIncompleteFinalLine }
        set {
            lines.holdsIncompleteFinalLine = newValue
            stream.waitsForMore = newValue
        }
    }

    /// Closes the file.
    func close() { stream.close() }

    /// The next chunk of up to `maxLines` records (and the rejects met meanwhile), or nil at the end.
    func next(maxLines: Int, sequence: Int) throws(TrafficReaderError) -> LineChunk? {
        var out: [ReorderWindow.Entry] = []
        while out.count < maxLines {
            if let unit = try nextUnit() {
                if let leaving = process(unit) { out.append(contentsOf: leaving) }
                continue
            }
            guard let entry = window.popEarliest() else { break }
            out.append(entry)
        }
        if out.isEmpty && pendingRejects.isEmpty { return nil }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = [], numbers: [Int] = [], offsets: [Int64] = []
        for entry in out {
            let start = bytes.count
            bytes.append(contentsOf: entry.prefix)
            if let recorded = entry.recorded {
                bytes.append(contentsOf: #","recorded":"#.utf8)
                bytes.append(contentsOf: recorded)
            }
            bytes.append(UInt8(ascii: "}"))
            ranges.append(start..<bytes.count)
            bytes.append(UInt8(ascii: "\n"))
            numbers.append(entry.line)
            offsets.append(entry.offset)
        }
        let rejects = pendingRejects.sorted { $0.position.line < $1.position.line }
        pendingRejects = []
        let end = position
        return LineChunk(sequence: sequence, file: file, bytes: bytes, lines: ranges, lineNumbers: numbers,
                         lineOffsets: offsets, oversized: rejects, endOffset: end.offset, endLine: end.line)
    }

    /// One record's bytes as logged, with where it starts.
    struct Unit {
        var bytes: [UInt8]
        var line: Int
        var offset: Int64
        var structured: Bool
        var tooLong: Bool
    }

    private func nextLine() throws(TrafficReaderError) -> FormatLineReader.Line? {
        if let line = peeked {
            peeked = nil
            return line
        }
        return try lines.next()
    }

    /// The next GoReplay record, JSON-line event or HTTP-dump event; units before the resume offset are skipped.
    /// While `holdsIncompleteTail` is set, a record still missing its end at the end of the file is kept for later.
    private func nextUnit() throws(TrafficReaderError) -> Unit? {
        while true {
            var unit: Unit
            if let held = partial {
                unit = held
                partial = nil
            } else {
                guard var first = try nextLine() else { return nil }
                if first.bytes.last == UInt8(ascii: "\r") { first.bytes.removeLast() }
                if !first.tooLong && first.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                if format == .gor && first.bytes == GorMessage.separator { continue }
                unit = Unit(bytes: first.bytes, line: first.number, offset: first.offset, structured: false,
                            tooLong: first.tooLong)
                if format != .gor && first.bytes.first == UInt8(ascii: "{") {
                    unit.structured = true
                    unit.tooLong = first.tooLong || first.bytes.count > maxBytesLimit
                    if unit.offset < skipBefore { continue }
                    return unit
                }
            }
            var complete = false
            while let line = try nextLine() {
                if format == .gor {
                    var text = line.bytes
                    if text.last == UInt8(ascii: "\r") { text.removeLast() }
                    if text == GorMessage.separator {
                        complete = true
                        break
                    }
                } else if CloudEvent.isRequestLine(line.bytes) {
                    peeked = line
                    complete = true
                    break
                }
                append(line, to: &unit)
            }
            if !complete && holdsIncompleteTail {
                partial = unit
                return nil
            }
            if unit.offset < skipBefore { continue }
            return unit
        }
    }

    /// Queues a reject for the next chunk.
    func recordReject(_ reject: Reject) { pendingRejects.append(reject) }

    /// Adds a record to the window; returns the record that leaves, if any.
    func insert(_ entry: ReorderWindow.Entry) -> ReorderWindow.Entry? {
        lastTimeSeen = max(lastTimeSeen, entry.time)
        return window.insert(entry)
    }

    /// Fills the waiting records paired with `key`; false when none waits.
    func attachToWindow(key: String, _ fill: (inout ReorderWindow.Entry) -> Void) -> Bool {
        window.attach(key: key, fill)
    }

    /// Keeps a response whose request has not been read yet (at most as many as the window holds).
    func keepOrphan(_ key: String, _ answer: FormatJSON) {
        if orphans.updateValue(answer, forKey: key) == nil { orphanOrder.append(key) }
        if orphanOrder.count > window.capacity { orphans[orphanOrder.removeFirst()] = nil }
    }

    /// The response kept for `key`, removed.
    func takeOrphan(_ key: String) -> FormatJSON? {
        orphans.removeValue(forKey: key)
    }

    private func append(_ line: FormatLineReader.Line, to unit: inout Unit) {
        guard !unit.tooLong else { return }
        if line.tooLong || unit.bytes.count + line.bytes.count + 1 > maxBytesLimit {
            unit.tooLong = true
            unit.bytes = []
            return
        }
        unit.bytes.append(UInt8(ascii: "\n"))
        unit.bytes.append(contentsOf: line.bytes)
    }
}
