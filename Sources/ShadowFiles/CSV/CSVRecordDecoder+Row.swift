import ShadowCore

/// One CSV row → one record.
extension CSVRecordDecoder {
    /// Decodes a non-empty row, appending its features JSON to `text`.
    func decodeRow(_ p: UnsafePointer<UInt8>, _ n: Int, fields: inout [CSVField], text: inout [UInt8],
                   position: SourcePosition) throws(LineReject) -> TrafficRecord {
        if let bad = UTF8Validation.firstInvalid(p, count: n) {
            throw LineReject(.invalidUTF8, "invalid UTF-8 at column \(bad + 1) (byte 0x\(String(p[bad], radix: 16)))")
        }
        if let problem = CSVRow.split(p, n, delimiter: delimiter, into: &fields) { throw LineReject(.badCSV, problem) }
        guard fields.count == header.count else {
            throw LineReject(.badCSV, "row has \(fields.count) fields, header has \(header.count)")
        }
        let idField = fields[idColumn]
        guard idField.end > idField.start else { throw .column(header[idColumn], .missingField, "empty") }
        let id = CSVRow.string(idField, in: p)

        var epochMs: Double?
        if let (column, field) = time {
            let cell = fields[column]
            switch CSVValue.classify(p + cell.start, cell.end - cell.start) {
            case .null:
                epochMs = nil
            case .number(let value, _):
                epochMs = try field.epochMs(number: value,
                                            integerLiteral: UnsafeBufferPointer(start: p + cell.start, count: cell.end - cell.start))
            case .string:
                let content = CSVRow.content(cell, in: p)
                epochMs = try content.withUnsafeBufferPointer { (buffer) throws(LineReject) -> Double in
                    try field.epochMs(text: buffer)
                }
            case .bool:
                throw field.reject(.wrongType, "expected string or number, got bool")
            case .nonFinite:
                guard allowNonFinite else { throw nonFinite(column, cell, p) }
                epochMs = nil
            }
        }

        var label: FeatureValue?
        if let column = labelColumn {
            let cell = fields[column]
            switch CSVValue.classify(p + cell.start, cell.end - cell.start) {
            case .null: label = nil
            case .number(let value, _): label = .number(value)
            case .bool(let value): label = .bool(value)
            case .string: label = .string(CSVRow.string(cell, in: p))
            case .nonFinite:
                guard allowNonFinite else { throw nonFinite(column, cell, p) }
                label = nil
            }
        }

        var values = [Double](repeating: .nan, count: featureCount)
        var strings: [Int: String]?
        let start = text.count
        text.append(UInt8(ascii: "{"))
        for (k, feature) in featureColumns.enumerated() {
            if k > 0 { text.append(UInt8(ascii: ",")) }
            text.append(contentsOf: feature.quotedName)
            text.append(UInt8(ascii: ":"))
            let cell = fields[feature.column]
            let raw = UnsafeBufferPointer(start: p + cell.start, count: cell.end - cell.start)
            switch CSVValue.classify(p + cell.start, cell.end - cell.start) {
            case .null:
                text.append(contentsOf: "null".utf8)
            case .bool(let value):
                if feature.slot >= 0 { values[feature.slot] = value ? 1 : 0 }
                text.append(contentsOf: (value ? "true" : "false").utf8)
            case .number(let value, let json):
                if feature.slot >= 0 { values[feature.slot] = value }
                if json { text.append(contentsOf: raw) } else { text.append(contentsOf: "\(value)".utf8) }
            case .nonFinite:
                guard allowNonFinite else { throw nonFinite(feature.column, cell, p) }
                text.append(contentsOf: "null".utf8)
            case .string:
                let content = CSVRow.content(cell, in: p)
                if feature.slot >= 0 {
                    if strings == nil { strings = [:] }
                    strings![feature.slot] = String(decoding: content, as: UTF8.self)
                }
                JSONStrings.appendQuoted(content, to: &text)
            }
        }
        text.append(UInt8(ascii: "}"))
        return TrafficRecord(id: id, epochMs: epochMs, features: values, strings: strings, label: label,
                             featuresJSON: start..<text.count, position: position)
    }

    private func nonFinite(_ column: Int, _ cell: CSVField, _ p: UnsafePointer<UInt8>) -> LineReject {
        .column(header[column], .nonFinite,
                "non-finite number \"\(CSVRow.string(cell, in: p))\" (allow_non_finite is off)")
    }
}
