/// A run of consecutive records from one source, with the bytes their JSON ranges point into.
public struct RecordBatch: Sendable {
    /// Position of the batch in its source's order (0, 1, 2, …); results are committed in this order.
    public var sequence: Int
    public var records: [TrafficRecord]
    /// Rejected lines met while reading this batch.
    public var rejects: [Reject]
    /// UTF-8 bytes that `TrafficRecord.featuresJSON` ranges index.
    public var text: [UInt8]
    /// Where the source stands after the last line of this batch (for checkpoints).
    public var endOffset: Int64
    /// Lines consumed so far in the source after this batch.
    public var endLine: Int

    public init(sequence: Int, records: [TrafficRecord] = [], rejects: [Reject] = [], text: [UInt8] = [],
                endOffset: Int64 = 0, endLine: Int = 0) {
        self.sequence = sequence
        self.records = records
        self.rejects = rejects
        self.text = text
        self.endOffset = endOffset
        self.endLine = endLine
    }

    /// The features of record `index` as JSON text.
    public func featuresJSON(of index: Int) -> String {
        let range = records[index].featuresJSON
        if range.isEmpty { return "{}" }
        return String(decoding: text[range], as: UTF8.self)
    }

    /// The recorded production answer of record `index` as JSON text, or nil when the log has none.
    public func recordedJSON(of index: Int) -> String? {
        guard let range = records[index].recorded?.json, !range.isEmpty else { return nil }
        return String(decoding: text[range], as: UTF8.self)
    }
}
