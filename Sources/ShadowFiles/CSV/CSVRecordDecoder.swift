import ShadowCore

/// Decodes CSV records through the header: `[source.fields]` pointers name columns (`/id` → `id`).
///
/// Features are the columns named in the schema or in `feature_names` (id, time, label and recorded columns
/// excluded), plus `[source.fields.feature]` entries, which map a feature name to a column and win over a
/// column of the same name. Each record's features JSON is synthesized into the batch text.
struct CSVRecordDecoder: Sendable {
    /// A column read as a feature.
    struct FeatureColumn: Sendable {
        var column: Int
        var name: String
        var slot: Int
        var quotedName: [UInt8]
    }

    let header: [String]
    let delimiter: UInt8
    let featureCount: Int
    let idColumn: Int
    let time: (column: Int, field: TimeField)?
    let labelColumn: Int?
    let featureColumns: [FeatureColumn]
    let allowNonFinite: Bool

    init(header: [String], settings: SourceSettings, schema: FeatureSchema, file: String) throws(TrafficReaderError) {
        let fields = settings.fields
        func column(_ text: String, _ key: String) throws(TrafficReaderError) -> Int? {
            guard let pointer = JSONPointer(text), let name = pointer.columnName else {
                throw TrafficReaderError(.badFieldMapping, file: file,
                                         "source.fields.\(key): \"\(text)\" does not name a CSV column (\"/column\")")
            }
            return header.firstIndex(of: name)
        }
        func required(_ text: String, _ key: String) throws(TrafficReaderError) -> Int {
            guard let index = try column(text, key) else {
                throw TrafficReaderError(.badFieldMapping, file: file,
                                         "source.fields.\(key): the CSV header has no column \"\(text.dropFirst())\"")
            }
            return index
        }
        self.header = header
        delimiter = settings.csvDelimiter
        featureCount = schema.count
        allowNonFinite = settings.allowNonFinite
        idColumn = try required(fields.id, "id")
        if let text = fields.time {
            let index = try required(text, "time")
            time = (index, TimeField(name: header[index], isColumn: true, unit: fields.timeUnit))
        } else if let index = header.firstIndex(of: "timestamp") {
            time = (index, TimeField(name: "timestamp", isColumn: true, unit: fields.timeUnit))
        } else if let index = header.firstIndex(of: "epoch_ms") {
            time = (index, TimeField(name: "epoch_ms", isColumn: true, unit: .ms))
        } else {
            time = nil
        }
        labelColumn = try column(fields.label, "label")
        let excluded = Set([idColumn, time?.column, labelColumn, try column(fields.recorded, "recorded")].compactMap { $0 })
        let wanted = Set(schema.names + (fields.featureNames ?? []))
        var columns: [FeatureColumn] = []
        for (index, name) in header.enumerated() where !excluded.contains(index) && wanted.contains(name) {
            columns.append(FeatureColumn(column: index, name: name, slot: schema.slot(of: name) ?? -1,
                                         quotedName: Self.quoted(name)))
        }
        for (name, text) in fields.feature.sorted(by: { $0.key < $1.key }) {
            let index = try required(text, "feature.\(name)")
            columns.removeAll { $0.name == name }
            columns.append(FeatureColumn(column: index, name: name, slot: schema.slot(of: name) ?? -1,
                                         quotedName: Self.quoted(name)))
        }
        featureColumns = columns
    }

    private static func quoted(_ name: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONStrings.appendQuoted(name.utf8, to: &out)
        return out
    }

    /// Decodes every record of `chunk`; bad rows become rejects.
    func decode(_ chunk: LineChunk) -> RecordBatch {
        var batch = RecordBatch(sequence: chunk.sequence, endOffset: chunk.endOffset, endLine: chunk.endLine)
        batch.records.reserveCapacity(chunk.lines.count)
        batch.text.reserveCapacity(chunk.bytes.count)
        var rejects = chunk.oversized
        var fields: [CSVField] = []
        fields.reserveCapacity(header.count)
        chunk.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for k in chunk.lines.indices {
                let range = chunk.lines[k]
                if range.isEmpty { continue }
                let position = SourcePosition(file: chunk.file, line: chunk.lineNumbers[k],
                                              byteOffset: chunk.lineOffsets[k])
                let mark = batch.text.count
                do throws(LineReject) {
                    let record = try decodeRow(base + range.lowerBound, range.count, fields: &fields,
                                               text: &batch.text, position: position)
                    batch.records.append(record)
                } catch {
                    batch.text.removeSubrange(mark...)
                    rejects.append(Reject(position: position, code: error.code, reason: error.reason))
                }
            }
        }
        if !chunk.oversized.isEmpty { rejects.sort { $0.position.line < $1.position.line } }
        batch.rejects = rejects
        return batch
    }
}
