import ShadowCore

/// Reads and writes `SourceCheckpoint`s in the `checkpoints` table.
enum SourceCheckpointRow {
    static let upsertSQL = """
        INSERT INTO checkpoints(source, run_id, path, device, inode, byte_offset, line, records, rejects, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ON CONFLICT(source) DO UPDATE SET run_id = excluded.run_id, path = excluded.path, device = excluded.device,
            inode = excluded.inode, byte_offset = excluded.byte_offset, line = excluded.line,
            records = excluded.records, rejects = excluded.rejects, updated_at = excluded.updated_at
        """

    static func upsert(_ c: SourceCheckpoint, with statement: SQLiteStatement) throws(SQLiteError) {
        defer { statement.reset() }
        try statement.bind([.text(c.source), .integer(c.run), .text(c.path), .integer(Int64(bitPattern: c.device)),
                            .integer(Int64(bitPattern: c.inode)), .integer(c.offset), .integer(Int64(c.line)),
                            .integer(Int64(c.records)), .integer(Int64(c.rejects))])
        _ = try statement.step()
    }

    static func read(_ source: String, from db: SQLiteDatabase) throws(SQLiteError) -> SourceCheckpoint? {
        let statement = try db.prepare("""
            SELECT run_id, path, device, inode, byte_offset, line, records, rejects FROM checkpoints WHERE source = ?
            """)
        try statement.bind([.text(source)])
        guard try statement.step() else { return nil }
        return SourceCheckpoint(
            source: source, run: statement.int64(at: 0), path: statement.text(at: 1) ?? "",
            device: UInt64(bitPattern: statement.int64(at: 2)), inode: UInt64(bitPattern: statement.int64(at: 3)),
            offset: statement.int64(at: 4), line: Int(statement.int64(at: 5)), records: Int(statement.int64(at: 6)),
            rejects: Int(statement.int64(at: 7)))
    }
}
