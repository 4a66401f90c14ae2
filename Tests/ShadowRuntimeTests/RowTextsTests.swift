import Testing
import ShadowCore
@testable import ShadowRuntime

/// The per-batch buffer that disagreement rows share for their features and recorded answers.
@Suite struct RowTextsTests {
    static func batch() -> RecordBatch {
        let lines = [#"{"a":1}"#, #"{"b":2}"#, #"[0.1,0.9]"#]
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            ranges.append(text.count..<(text.count + line.utf8.count))
            text.append(contentsOf: line.utf8)
        }
        let position = SourcePosition(file: "t", line: 1, byteOffset: 0)
        let records = [
            TrafficRecord(id: "0", epochMs: nil, features: [1], featuresJSON: ranges[0], position: position),
            TrafficRecord(id: "1", epochMs: nil, features: [2], featuresJSON: ranges[1], position: position,
                          recorded: RecordedAnswer(json: ranges[2], values: [0.1, 0.9])),
            TrafficRecord(id: "2", epochMs: nil, features: [], featuresJSON: 0..<0, position: position),
        ]
        return RecordBatch(sequence: 0, records: records, text: text)
    }

    @Test func copiesEachWantedRecordOnceAndNothingElse() {
        let texts = RowTexts(Self.batch(), records: [1, 2, 1], features: true)
        #expect(texts.features(0) == nil)
        #expect(texts.features(1)?.string == #"{"b":2}"#)
        #expect(texts.recorded(1)?.string == "[0.1,0.9]")
        #expect(texts.features(2)?.string == "{}")
        #expect(texts.recorded(2) == nil)
        // The shared buffer holds exactly the wanted bytes: one copy of record 1, "{}" for record 2.
        #expect(texts.features(1)?.compacted.count == 7)
    }

    @Test func withoutFeaturesOnlyRecordedAnswersAreKept() {
        let texts = RowTexts(Self.batch(), records: [0, 1], features: false)
        #expect(texts.features(0) == nil && texts.features(1) == nil)
        #expect(texts.recorded(1)?.string == "[0.1,0.9]")
    }
}
