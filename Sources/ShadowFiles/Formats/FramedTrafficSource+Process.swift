import ShadowCore

extension FramedTrafficSource {
    /// Turns one unit into waiting records (or attaches it to one); returns the records the window lets go.
    func process(_ unit: Unit) -> [ReorderWindow.Entry]? {
        let position = SourcePosition(file: file, line: unit.line, byteOffset: unit.offset)
        if unit.tooLong || unit.bytes.count > maxBytesLimit {
            reject(position, LineReject(.lineTooLong, "record longer than max_line_bytes (\(maxBytesLimit))"))
            return nil
        }
        let outcome = format == .gor ? gorRecords(unit, position) : eventRecords(unit, position)
        switch outcome {
        case .failure(let problem):
            reject(position, problem)
            return nil
        case .success(let entries):
            var leaving: [ReorderWindow.Entry] = []
            for entry in entries { if let gone = insert(entry) { leaving.append(gone) } }
            return leaving
        }
    }

    private func reject(_ position: SourcePosition, _ problem: LineReject) {
        recordReject(Reject(position: position, code: problem.code, reason: problem.reason))
    }

    private func gorRecords(_ unit: Unit, _ position: SourcePosition) -> Result<[ReorderWindow.Entry], LineReject> {
        let message: GorMessage
        switch GorMessage.parse(unit.bytes) {
        case .failure(let problem): return .failure(problem)
        case .success(let parsed): message = parsed
        }
        switch message.kind {
        case .replayedResponse:
            return .success([])
        case .response:
            guard !message.http.body.isEmpty else { return .success([]) }
            switch FormatJSON.parse(message.http.body) {
            case .failure(let problem):
                return .failure(LineReject(problem.code, "gor response \(message.id): \(problem.reason)"))
            case .success(let answer):
                pair(key: message.id, answer: answer)
                return .success([])
            }
        case .request:
            let json: FormatJSON
            switch FormatJSON.parse(message.http.body) {
            case .failure(let problem):
                return .failure(LineReject(problem.code, "gor request \(message.id): \(problem.reason)"))
            case .success(let parsed): json = parsed
            }
            let ms = Double(message.timestampNs / 1_000_000) + Double(message.timestampNs % 1_000_000) / 1_000_000
            let bodies: [FormatJSON]
            switch protocolRows(json) {
            case .failure(let problem):
                return .failure(LineReject(problem.code, "gor request \(message.id): \(problem.reason)"))
            case .success(let found): bodies = found
            }
            var entries: [ReorderWindow.Entry] = []
            for (r, rowBody) in bodies.enumerated() {
                let id = bodies.count == 1 ? message.id : "\(message.id)/\(r)"
                var prefix = Array(#"{"id":"#.utf8)
                JSONStrings.appendQuoted(id.utf8, to: &prefix)
                prefix.append(contentsOf: #","epoch_ms":"#.utf8)
                prefix.append(contentsOf: Self.decimal(ms).utf8)
                prefix.append(contentsOf: #","body":"#.utf8)
                rowBody.write(to: &prefix)
                entries.append(entry(id: id, key: message.id, row: r, rows: bodies.count, time: ms, unit: unit, prefix: prefix))
            }
            return .success(entries)
        }
    }

    /// A request body as the mapping reads it: as is when `features` points into it, else (a wire-protocol body
    /// such as KServe v2 `inputs`) one body per row with the named features placed where the pointer looks. A body
    /// of a known protocol that cannot be read is a reject naming its field; a body of no known shape is left for
    /// the mapping to report.
    private func protocolRows(_ json: FormatJSON) -> Result<[FormatJSON], LineReject> {
        guard json.resolve(featuresPointer) == nil else { return .success([json]) }
        let rows: [[UInt8]]
        switch body.requestRows(json) {
        case .failure(let problem) where problem.code == .missingField && problem.reason.hasPrefix(InferenceBody.noShape):
            return .success([json])
        case .failure(let problem): return .failure(problem)
        case .success(let found): rows = found
        }
        let parsed = rows.compactMap { try? FormatJSON.parse($0).get() }
        guard !rows.isEmpty, parsed.count == rows.count else { return .success([json]) }
        return .success(parsed.map { FormatJSON.nested(featuresPointer, leaf: $0) })
    }

    private func eventRecords(_ unit: Unit, _ position: SourcePosition) -> Result<[ReorderWindow.Entry], LineReject> {
        let event: CloudEvent
        switch unit.structured ? CloudEvent.parse(structured: unit.bytes) : CloudEvent.parse(http: unit.bytes) {
        case .failure(let problem): return .failure(problem)
        case .success(let parsed): event = parsed
        }
        if event.isResponse {
            pair(key: event.id, answer: event.body)
            return .success([])
        }
        let rows: [[UInt8]]
        switch body.requestRows(event.body) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): rows = found
        }
        let time = event.epochMs ?? lastTimeSeen
        var entries: [ReorderWindow.Entry] = []
        for (r, features) in rows.enumerated() {
            let id = rows.count == 1 ? event.id : "\(event.id)/\(r)"
            var prefix = Array(#"{"id":"#.utf8)
            JSONStrings.appendQuoted(id.utf8, to: &prefix)
            if let ms = event.epochMs {
                prefix.append(contentsOf: #","epoch_ms":"#.utf8)
                prefix.append(contentsOf: Self.decimal(ms).utf8)
            }
            prefix.append(contentsOf: #","features":"#.utf8)
            prefix.append(contentsOf: features)
            entries.append(entry(id: id, key: event.id, row: r, rows: rows.count, time: time, unit: unit, prefix: prefix))
        }
        return .success(entries)
    }

    private func entry(id: String, key: String, row: Int, rows: Int, time: Double, unit: Unit,
                       prefix: [UInt8]) -> ReorderWindow.Entry {
        var entry = ReorderWindow.Entry(id: id, pairKey: key, row: row, rows: rows, time: time, sequence: 0,
                                        line: unit.line, offset: unit.offset, prefix: prefix, recorded: nil)
        if let answer = takeOrphan(key) { entry.recorded = recordedBytes(answer, row: row, rows: rows) }
        return entry
    }

    /// Attaches a response to the waiting requests with its id, or keeps it for a request still to come.
    private func pair(key: String, answer: FormatJSON) {
        let attached = attachToWindow(key: key) { entry in
            entry.recorded = recordedBytes(answer, row: entry.row, rows: entry.rows)
        }
        if !attached { keepOrphan(key, answer) }
    }

    /// The response as stored: a gor response body whole (split by row for a batched body); a CloudEvent
    /// response split by row.
    func recordedBytes(_ answer: FormatJSON, row: Int, rows: Int) -> [UInt8] {
        if format == .gor && rows == 1 {
            var out: [UInt8] = []
            answer.write(to: &out)
            return out
        }
        return body.recorded(answer, row: row, count: rows)
    }

    /// `value` as a JSON number (integers without a fraction).
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
