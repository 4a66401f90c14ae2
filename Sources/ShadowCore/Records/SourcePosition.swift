/// Where a record (or a rejected line) sits in its source: file, 1-based line and byte offset of the line start.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var byteOffset: Int64

    public init(file: String, line: Int, byteOffset: Int64) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
    }
}
