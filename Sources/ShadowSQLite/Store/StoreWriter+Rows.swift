import ShadowCore

extension StoreWriter {
    /// Inserts one disagreement, binding its text from the arena without copies. The row is read in place through
    /// its pointer: a row passed by value was copied whole (each field retained and released).
    @inline(__always)
    func insert(_ row: UnsafePointer<DisagreementRow>, run: Int64) throws {
        arena.removeAll(keepingCapacity: true)
        let recordID = append(row.pointee.recordID)
        let timeStart = arena.count
        let hasTime = row.pointee.recordTimeMs.map { ISO8601Millis.append(epochMs: $0, to: &arena) } ?? false
        let time = timeStart..<arena.count
        let shadow = append(row.pointee.shadow)
        let kind = append(row.pointee.kind.rawValue)
        let champion = append(row.pointee.championText)
        let shadowOutput = append(row.pointee.shadowText)
        let features = storeFeatures ? row.pointee.features : nil

        let statement = insertDisagreement
        // Features and the recorded answer are bound from the batch text they share, without a copy: the
        // pointers stay valid through the step, which runs inside the closures that lend them.
        try Self.withText(features) { featureBytes in
            try Self.withText(row.pointee.recorded) { recordedBytes in
                try arena.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
                    try statement.bind(run, at: 1)
                    try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[recordID]), at: 2)
                    if hasTime {
                        try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[time]), at: 3)
                    } else {
                        try statement.bindNull(at: 3)
                    }
                    try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[shadow]), at: 4)
                    try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[kind]), at: 5)
                    try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[champion]), at: 6)
                    try statement.bindNoCopy(utf8: UnsafeRawBufferPointer(rebasing: bytes[shadowOutput]), at: 7)
                    if let delta = row.pointee.delta, delta.isFinite { try statement.bind(delta, at: 8) } else { try statement.bindNull(at: 8) }
                    if let featureBytes { try statement.bindNoCopy(utf8: featureBytes, at: 9) } else { try statement.bindNull(at: 9) }
                    if let recordedBytes { try statement.bindNoCopy(utf8: recordedBytes, at: 10) } else { try statement.bindNull(at: 10) }
                    defer { statement.reset() }
                    try statement.step()
                }
            }
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, or with nil when there is no text.
    @inline(__always)
    private static func withText<R>(_ text: JSONText?, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let text else { return try body(nil) }
        return try text.withUTF8 { try body($0) }
    }

    /// Inserts one rejected line.
    func insert(_ reject: Reject, run: Int64) throws(SQLiteError) {
        let statement = insertReject
        defer { statement.reset() }
        try statement.bind(run, at: 1)
        try statement.bind(reject.position.file, at: 2)
        try statement.bind(Int64(reject.position.line), at: 3)
        try statement.bind(reject.position.byteOffset, at: 4)
        try statement.bind(reject.code.rawValue, at: 5)
        try statement.bind(reject.reason, at: 6)
        try statement.step()
    }

    /// Copies a JSON text's bytes into the arena and returns where they landed.
    @inline(__always)
    private func append(_ text: JSONText) -> Range<Int> {
        let start = arena.count
        text.withUTF8 { arena.append(contentsOf: $0) }
        return start..<arena.count
    }

    /// Copies a string's UTF-8 into the arena and returns where it landed.
    @inline(__always)
    private func append(_ string: String) -> Range<Int> {
        let start = arena.count
        // Through the string's contiguous UTF-8 (one copy), not the UTF8View's element-by-element append.
        var string = string
        string.withUTF8 { arena.append(contentsOf: $0) }
        return start..<arena.count
    }
}
