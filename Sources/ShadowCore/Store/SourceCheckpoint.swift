/// How far a traffic source has been replayed: committed in the same transaction as the rows it produced, so a
/// restart resumes exactly after the last committed batch (no row lost, none written twice).
public struct SourceCheckpoint: Sendable, Equatable, Codable {
    /// Stable key of the source (e.g. `source:/var/log/app/traffic.jsonl` or `spool:name`).
    public var source: String
    /// The run its rows belong to; a resumed replay keeps writing to it.
    public var run: Int64
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    /// Byte offset just past the last replayed line, and lines consumed up to it.
    public var offset: Int64
    public var line: Int
    /// Records and rejected lines replayed so far under this checkpoint's run.
    public var records: Int
    public var rejects: Int

    public init(source: String, run: Int64, path: String, device: UInt64, inode: UInt64, offset: Int64, line: Int,
                records: Int, rejects: Int) {
        self.source = source
        self.run = run
        self.path = path
        self.device = device
        self.inode = inode
        self.offset = offset
        self.line = line
        self.records = records
        self.rejects = rejects
    }
}
