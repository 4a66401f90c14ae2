import Testing
import ShadowCore
@testable import ShadowFiles

/// The `recorded` production answer: its JSON kept byte for byte, and its numbers read for comparison.
@Suite struct JSONLRecordedTests {
    let schema = FeatureSchema(names: ["age"])

    func recorded(_ line: String, settings: SourceSettings = .init()) throws -> (RecordedAnswer?, String?) {
        let batch = try decodeLine(line, settings: settings, schema: schema)
        #expect(batch.rejects.isEmpty, "\(batch.rejects)")
        return (batch.records.first?.recorded, batch.records.isEmpty ? nil : batch.recordedJSON(of: 0))
    }

    @Test func designSampleReadsTheProbabilityMember() throws {
        let (answer, json) = try recorded(#"{"id":"a","features":{"age":1},"recorded":{"predicted_label":1,"p1":0.93}}"#)
        #expect(answer?.values == [0.93])
        #expect(json == #"{"predicted_label":1,"p1":0.93}"#)
    }

    @Test func numbersArraysAndSingleMemberObjects() throws {
        #expect(try recorded(#"{"id":"a","features":{},"recorded":0.25}"#).0?.values == [0.25])
        #expect(try recorded(#"{"id":"a","features":{},"recorded":[0.1,0.2,0.7]}"#).0?.values == [0.1, 0.2, 0.7])
        #expect(try recorded(#"{"id":"a","features":{},"recorded":{"predict":[[0.4, 0.6]]}}"#).0?.values == [0.4, 0.6])
        #expect(try recorded(#"{"id":"a","features":{},"recorded":true}"#).0?.values == [1])
    }

    @Test func integerAnswersAreMarkedAsPossibleLabels() throws {
        let v2 = try recorded(#"{"id":"a","features":{},"recorded":{"model_name":"m","outputs":[{"name":"p","data":[2]}]}}"#).0
        #expect(v2?.values == [2] && v2?.integral == true)
        #expect(try recorded(#"{"id":"a","features":{},"recorded":{"output-0":2}}"#).0?.integral == true)
        #expect(try recorded(#"{"id":"a","features":{},"recorded":[0, 1.0]}"#).0?.integral == false)
        #expect(try recorded(#"{"id":"a","features":{},"recorded":false}"#).0?.integral == true)
        #expect(try recorded(#"{"id":"a","features":{},"recorded":"x"}"#).0?.integral == false)
    }

    @Test func absentOrNullMeansNoAnswer() throws {
        #expect(try recorded(#"{"id":"a","features":{"age":1}}"#).0 == nil)
        #expect(try recorded(#"{"id":"a","features":{"age":1},"recorded":null}"#).0 == nil)
        #expect(try recorded(#"{"id":"a","features":{"age":1}}"#).1 == nil)
    }

    @Test func unreadableAnswerIsKeptWithNoNumbersAndTheLineIsNotRejected() throws {
        let (answer, json) = try recorded(#"{"id":"a","features":{},"recorded":{"label":"churn","who":"x"}}"#)
        #expect(answer?.values == [])
        #expect(json == #"{"label":"churn","who":"x"}"#)
        #expect(try recorded(#"{"id":"a","features":{},"recorded":[0.5,"x"]}"#).0?.values == [])
    }

    @Test func pointersChooseWhereTheAnswerIsAndWhatToRead() throws {
        var settings = SourceSettings()
        settings.fields.recorded = "/response"
        settings.fields.recordedOutput = "/outputs/0/data"
        let line = #"{"id":"a","features":{"age":3},"response":{"id":"x","outputs":[{"name":"p","data":[0.8]}]}}"#
        let (answer, json) = try recorded(line, settings: settings)
        #expect(answer?.values == [0.8])
        #expect(json == #"{"id":"x","outputs":[{"name":"p","data":[0.8]}]}"#)
        settings.fields.recordedOutput = "/missing"
        #expect(try recorded(line, settings: settings).0?.values == [])
    }
}
