import ShadowCore

/// Decodes JSON Lines into records through the `[source.fields]` pointers. Immutable; shared across tasks.
struct JSONLRecordDecoder: Sendable {
    /// A single feature taken from anywhere in the line (`[source.fields.feature]`).
    struct Extra: Sendable {
        var name: String
        var nameBytes: [UInt8]
        var quotedName: [UInt8]
        var pointer: JSONPointer
        var slot: Int
    }

    /// How the record time is located.
    enum TimeLocator: Sendable {
        case pointer(JSONPointer, TimeField)
        /// `/timestamp` (in the configured unit) else `/epoch_ms` (milliseconds).
        case defaults(timestamp: JSONPointer, TimeField, epochMs: JSONPointer, TimeField)
    }

    let schema: FeatureSchema
    let slots: FeatureSlotTable
    let id: JSONPointer
    let time: TimeLocator
    let features: JSONPointer
    /// For a features array: the slot of each position (-1 when no model reads it) and its quoted name.
    let arraySlots: [Int]?
    let arrayQuotedNames: [[UInt8]]
    let extras: [Extra]
    let label: JSONPointer
    let recorded: JSONPointer
    /// Pointer inside the recorded answer to the number(s) compared (`recorded_output`).
    let recordedOutput: JSONPointer?
    let allowNonFinite: Bool
    /// The first keys of the pointers above (each pointer's `rootSlot` names its own), found once per line.
    let rootKeys: RootKeys
    /// Whether lines are read through a shape learned from an earlier line of the chunk (`JSONLShape`); off only to
    /// compare the two paths.
    var learnsShapes = true
    /// Shape misses after which a chunk stops trying shapes (its lines do not share one layout).
    static let shapeMissLimit = 16

    init(settings: SourceSettings, schema: FeatureSchema) throws(TrafficReaderError) {
        let fields = settings.fields
        func pointer(_ text: String, _ key: String) throws(TrafficReaderError) -> JSONPointer {
            guard let p = JSONPointer(text) else {
                throw TrafficReaderError(.badFieldMapping, file: "",
                                         "source.fields.\(key): \"\(text)\" is not a JSON pointer (RFC 6901)")
            }
            return p
        }
        var keys = RootKeys()
        func rooted(_ text: String, _ key: String) throws(TrafficReaderError) -> JSONPointer {
            keys.assign(try pointer(text, key))
        }
        self.schema = schema
        slots = FeatureSlotTable(schema: schema)
        id = try rooted(fields.id, "id")
        features = try rooted(fields.features, "features")
        label = try rooted(fields.label, "label")
        recorded = try rooted(fields.recorded, "recorded")
        recordedOutput = try fields.recordedOutput.map { (text) throws(TrafficReaderError) in try pointer(text, "recorded_output") }
        allowNonFinite = settings.allowNonFinite
        if let text = fields.time {
            time = .pointer(try rooted(text, "time"), TimeField(name: text, isColumn: false, unit: fields.timeUnit))
        } else {
            time = .defaults(timestamp: keys.assign(JSONPointer("/timestamp")!),
                             TimeField(name: "/timestamp", isColumn: false, unit: fields.timeUnit),
                             epochMs: keys.assign(JSONPointer("/epoch_ms")!),
                             TimeField(name: "/epoch_ms", isColumn: false, unit: .ms))
        }
        if let names = fields.featureNames {
            arraySlots = names.map { schema.slot(of: $0) ?? -1 }
            arrayQuotedNames = names.map { name in
                var quoted: [UInt8] = []
                JSONStrings.appendQuoted(name.utf8, to: &quoted)
                return quoted
            }
        } else {
            arraySlots = nil
            arrayQuotedNames = []
        }
        var extras: [Extra] = []
        for (name, text) in fields.feature.sorted(by: { $0.key < $1.key }) {
            var quoted: [UInt8] = []
            JSONStrings.appendQuoted(name.utf8, to: &quoted)
            extras.append(Extra(name: name, nameBytes: Array(name.utf8), quotedName: quoted, pointer: try rooted(text, "feature.\(name)"),
                                slot: schema.slot(of: name) ?? -1))
        }
        self.extras = extras
        rootKeys = keys
    }

    /// Decodes every line of `chunk`; bad lines become rejects.
    func decode(_ chunk: LineChunk) -> RecordBatch {
        var batch = RecordBatch(sequence: chunk.sequence, text: chunk.bytes, endOffset: chunk.endOffset,
                                endLine: chunk.endLine)
        batch.records.reserveCapacity(chunk.lines.count)
        var rejects = chunk.oversized
        var tape = JSONTape()
        var synthesized: [UInt8] = []
        let guesses = UnsafeMutableBufferPointer<Int32>.allocate(capacity: schema.count + 64)
        guesses.initialize(repeating: -1)
        let members = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(rootKeys.count, 1))
        members.initialize(repeating: -1)
        defer {
            guesses.deallocate()
            members.deallocate()
        }
        var shape: JSONLShape?
        var shapeMisses = learnsShapes ? 0 : Self.shapeMissLimit
        chunk.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for k in chunk.lines.indices {
                let range = chunk.lines[k]
                let line = base + range.lowerBound
                let n = range.count
                if JSONTape.skipSpace(line, 0, n) == n { continue }
                let position = SourcePosition(file: chunk.file, line: chunk.lineNumbers[k],
                                              byteOffset: chunk.lineOffsets[k])
                let output = LineOutput(lineStart: range.lowerBound, textBase: all.count)
                if let known = shape {
                    if let record = readShaped(known, line, n, tape: &tape, members: members, output: output,
                                               position: position) {
                        batch.records.append(record)
                        continue
                    }
                    shapeMisses += 1
                    shape = nil
                }
                do throws(LineReject) {
                    let record = try decodeLine(line, n, tape: &tape, guesses: guesses, members: members,
                                                output: output,
                                                synthesized: &synthesized,
                                                position: position)
                    batch.records.append(record)
                    if shapeMisses < Self.shapeMissLimit {
                        // A line of another layout counts as a miss too: such logs stop paying for the attempt.
                        shape = JSONLShape(tape: tape, line: line, count: n, decoder: self)
                        if shape == nil { shapeMisses += 1 }
                    }
                } catch {
                    rejects.append(Reject(position: position, code: error.code, reason: error.reason))
                }
            }
        }
        // Appending (even nothing) would copy the chunk's bytes, which the chunk still shares.
        if !synthesized.isEmpty { batch.text.append(contentsOf: synthesized) }
        if !chunk.oversized.isEmpty { rejects.sort { $0.position.line < $1.position.line } }
        batch.rejects = rejects
        return batch
    }

    /// Where a line sits in the batch text.
    struct LineOutput {
        /// Offset of the line in the chunk bytes (= in the batch text).
        var lineStart: Int
        /// Offset in the batch text where synthesized JSON begins.
        var textBase: Int
    }

    /// Decodes one non-blank line.
    func decodeLine(_ line: UnsafePointer<UInt8>, _ n: Int, tape: inout JSONTape, guesses: UnsafeMutableBufferPointer<Int32>,
                    members: UnsafeMutableBufferPointer<Int32>, output: LineOutput, synthesized: inout [UInt8],
                    position: SourcePosition) throws(LineReject) -> TrafficRecord {
        // The parser validates UTF-8 inside strings; bytes ≥ 0x80 anywhere else fail the parse, and then
        // the whole line is checked so that bad UTF-8 is reported as such wherever it is.
        guard tape.parse(line, count: n) else {
            if let bad = UTF8Validation.firstInvalid(line, count: n) {
                throw LineReject(.invalidUTF8, "invalid UTF-8 at column \(bad + 1) (byte 0x\(String(line[bad], radix: 16)))")
            }
            throw LineReject(.malformedJSON, tape.error.message)
        }
        let root = tape[0]
        guard root.kind == .object else {
            throw LineReject(.wrongType, "line: expected a JSON object, got \(root.kind.typeName)")
        }
        if tape.firstNonFinite >= 0 && !allowNonFinite {
            throw nonFiniteReject(tape: tape, line: line)
        }
        rootKeys.find(in: tape, line: line, into: members)
        let id = try readID(tape: tape, line: line, members: members)
        let epochMs = try readTime(tape: tape, line: line, members: members)
        let label = try readLabel(tape: tape, line: line, members: members)
        let features = try readFeatures(tape: tape, line: line, members: members, guesses: guesses, output: output,
                                        synthesized: &synthesized)
        let answer = readRecorded(tape: tape, line: line, members: members, output: output)
        return TrafficRecord(id: id, epochMs: epochMs, features: features.values, strings: features.strings,
                             label: label, featuresJSON: features.json, position: position, recorded: answer)
    }

    /// Reads a line through `shape`; nil when the line departs from it or would be rejected (the full parser then
    /// reads it and says why).
    private func readShaped(_ shape: JSONLShape, _ line: UnsafePointer<UInt8>, _ n: Int, tape: inout JSONTape,
                            members: UnsafeMutableBufferPointer<Int32>, output: LineOutput,
                            position: SourcePosition) -> TrafficRecord? {
        var values = [Double](repeating: .nan, count: schema.count)
        let object = values.withUnsafeMutableBufferPointer { values in
            shape.read(line, count: n, tape: &tape, members: members, values: values)
        }
        guard let object else { return nil }
        do throws(LineReject) {
            let id = try readID(tape: tape, line: line, members: members)
            let epochMs = try readTime(tape: tape, line: line, members: members)
            let label = try readLabel(tape: tape, line: line, members: members)
            let answer = readRecorded(tape: tape, line: line, members: members, output: output)
            let json = (output.lineStart + object.lowerBound)..<(output.lineStart + object.upperBound)
            return TrafficRecord(id: id, epochMs: epochMs, features: values, strings: nil, label: label,
                                 featuresJSON: json, position: position, recorded: answer)
        } catch {
            return nil
        }
    }

    /// The reject for the first NaN/Infinity token (or out-of-range number), naming its field.
    private func nonFiniteReject(tape: borrowing JSONTape, line: UnsafePointer<UInt8>) -> LineReject {
        let index = Int(tape.firstNonFinite)
        let node = tape[index]
        let literal = String(decoding: UnsafeBufferPointer(start: line + node.range.lowerBound, count: node.range.count),
                             as: UTF8.self)
        let path = tape.pointer(to: index, in: line)
        let isLiteralNumber = literal.utf8.contains { $0 &- 48 < 10 }
        let what = isLiteralNumber ? "number \(literal) is out of range" : "non-finite number \(literal)"
        return .field(path, .nonFinite, "\(what) (allow_non_finite is off)")
    }
}
