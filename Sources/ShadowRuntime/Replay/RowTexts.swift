import ShadowCore

/// The features and recorded answers of a batch's disagreeing records, copied once into one buffer that their rows
/// share (each record once, however many shadows disagree on it).
struct RowTexts {
    private let buffer: [UInt8]
    /// Per record of the batch: where its features and its recorded answer sit in `buffer` (nil: not copied).
    private let featureRanges: [Range<Int>?]
    private let recordedRanges: [Range<Int>?]

    init(_ batch: RecordBatch, records: some Sequence<Int>, features: Bool) {
        var featureRanges = [Range<Int>?](repeating: nil, count: batch.records.count)
        var recordedRanges = featureRanges
        var taken = [Bool](repeating: false, count: batch.records.count)
        var wanted: [Int] = []
        var total = 0
        for i in records where !taken[i] {
            taken[i] = true
            wanted.append(i)
            if features { total += max(batch.records[i].featuresJSON.count, 2) }
            total += batch.records[i].recorded?.json.count ?? 0
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(total)
        batch.text.withUnsafeBufferPointer { text in
            for i in wanted {
                if features {
                    let range = batch.records[i].featuresJSON
                    let start = buffer.count
                    if range.isEmpty { buffer.append(contentsOf: "{}".utf8) } else {
                        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
                    }
                    featureRanges[i] = start..<buffer.count
                }
                if let range = batch.records[i].recorded?.json, !range.isEmpty {
                    let start = buffer.count
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
                    recordedRanges[i] = start..<buffer.count
                }
            }
        }
        self.buffer = buffer
        self.featureRanges = featureRanges
        self.recordedRanges = recordedRanges
    }

    /// Record `i`'s features, sharing the buffer (nil when features are not stored).
    func features(_ i: Int) -> JSONText? {
        featureRanges[i].map { JSONText(sharing: buffer, range: $0) }
    }

    /// Record `i`'s recorded answer, sharing the buffer (nil when it has none).
    func recorded(_ i: Int) -> JSONText? {
        recordedRanges[i].map { JSONText(sharing: buffer, range: $0) }
    }
}
