import Testing
import ShadowCore
@testable import ShadowFiles

/// Field mapping: the canonical shape, and logs of other shapes read through `[source.fields]` pointers.
@Suite struct JSONLMappingTests {
    @Test func canonicalShape() throws {
        let schema = FeatureSchema(names: ["age", "plan", "spend", "vip"])
        let result = try readAll(Fixtures.path("canonical.jsonl"), schema: schema)
        #expect(result.rejects.isEmpty)
        let records = result.records
        #expect(records.map(\.id) == ["r-000001", "r-000002", "r-000003", "r-\u{e9}\"4", "r-000005"])
        #expect(records.map(\.epochMs) == [1_740_960_105_605, 1_740_952_906_000, 1_740_960_107_250, 1_740_960_108_000, nil])
        #expect(records.map(\.label) == [.number(1), .number(0), nil, .string("yes"), .bool(false)])
        #expect(records[0].features[0] == 41 && records[0].features[1].isNaN && records[0].features[2] == 12.5)
        #expect(records[0].strings == [1: "pro"])
        #expect(records[1].features[2] == 0 && records[1].features[3] == 1)
        #expect(records[2].features[2] == -375 && records[2].strings == nil)
        #expect(records[3].features[0] == 33 && records[3].strings == [1: "caf\u{e9} \u{1F600}"])
        #expect(records[4].features[0] == 100 && records[4].features[2] == 0.1 && records[4].features[3].isNaN)
        #expect(result.featuresJSON[0] == #"{"age":41,"plan":"pro","spend":12.5}"#)
        #expect(result.featuresJSON[3] == #"{"a\/ge":1,"age":33.0,"plan":"caf\u00e9 \ud83d\ude00"}"#)
        #expect(result.featuresJSON[4] == #"{ "age" : 1E2 , "spend" : 0.1 }"#)
        #expect(records.map(\.position.line) == [1, 2, 3, 4, 5])
    }

    @Test func nestedShapeWithIntegerIdsAndTsKey() throws {
        var settings = SourceSettings()
        settings.fields = FieldMapping(id: "/request/id", time: "/ts", features: "/request/body/features",
                                       label: "/truth")
        let schema = FeatureSchema(names: ["spend", "age"])
        let result = try readAll(Fixtures.path("nested_shape.jsonl"), settings: settings, schema: schema)
        #expect(result.rejects.isEmpty)
        let records = result.records
        #expect(records.map(\.id) == ["12345", "abc", "-7"])
        #expect(records.map(\.epochMs) == [1_740_988_800_500, 1_740_988_801_000, 1_740_988_802_000])
        #expect(records.map(\.label) == [.number(1), .string("churn"), nil])
        #expect(records[0].features == [12.5, 41])
        #expect(records[1].features[0] == 1 && records[1].features[1].isNaN)
        #expect(result.featuresJSON[1] == #"{"age":null,"spend":true}"#)
    }

    @Test func inputsArrayWithFeatureNames() throws {
        var settings = SourceSettings()
        settings.fields = FieldMapping(id: "/request_id", time: "/time", timeUnit: .s, features: "/inputs/0/data",
                                       featureNames: ["age", "spend", "plan"], feature: ["score": "/outputs/0/data/0"])
        let schema = FeatureSchema(names: ["plan", "age", "score"])
        let result = try readAll(Fixtures.path("kserve_inputs.jsonl"), settings: settings, schema: schema)
        #expect(result.records.map(\.id) == ["a1", "a2"])
        #expect(result.records.map(\.epochMs) == [1_740_960_105_000, 1_740_960_106_000])
        #expect(result.records[0].features[1] == 41 && result.records[0].strings == [0: "pro"])
        #expect(result.records[0].features[2] == 0.93)
        #expect(result.featuresJSON == [#"{"age":41,"spend":12.5,"plan":"pro","score":0.93}"#,
                                        #"{"age":29,"spend":0,"plan":null,"score":0.12}"#])
        #expect(result.rejects.map(\.position.line) == [3])
        #expect(result.rejects.first?.reason == "field \"/inputs/0/data\": array has 2 values but feature_names has 3 names")
    }

    @Test func extraFeatureWinsOverTheFeaturesObject() throws {
        var settings = SourceSettings()
        settings.fields.feature = ["age": "/meta/age"]
        let schema = FeatureSchema(names: ["age", "spend"])
        let batch = try decodeLine(#"{"id":"e","features":{"age":1,"spend":2},"meta":{"age":40}}"#,
                                   settings: settings, schema: schema)
        #expect(batch.records.first?.features == [40, 2])
        #expect(batch.featuresJSON(of: 0) == #"{"spend":2,"age":40}"#)
    }

    @Test("time units", arguments: [
        (FieldMapping.TimeUnit.s, "1740960105.605", 1_740_960_105_605.0),
        (.ms, "1740960105605", 1_740_960_105_605),
        (.us, "1740960105605123", 1_740_960_105_605.123),
        (.ns, "1740960105605123456", 1_740_960_105_605.123456),
        (.auto, "1740960105605", 1_740_960_105_605),
        (.auto, "\"2025-03-03T00:01:45.605Z\"", 1_740_960_105_605),
        (.iso8601, "\"2025-03-03 02:01:45.605+0200\"", 1_740_960_105_605),
    ])
    func timeUnits(unit: FieldMapping.TimeUnit, value: String, expected: Double) throws {
        var settings = SourceSettings()
        settings.fields = FieldMapping(time: "/t", timeUnit: unit)
        let batch = try decodeLine(#"{"id":"t","t":\#(value),"features":{}}"#, settings: settings,
                                   schema: FeatureSchema(names: []))
        let ms = try #require(batch.records.first?.epochMs)
        #expect(abs(ms - expected) < 1e-3)
    }

    @Test func badPointerIsAConfigurationError() {
        var settings = SourceSettings()
        settings.fields.id = "request/id"
        #expect(throws: TrafficReaderError(.badFieldMapping, file: "",
                                           "source.fields.id: \"request/id\" is not a JSON pointer (RFC 6901)")) {
            _ = try RecordDecoder(jsonlSettings: settings, schema: FeatureSchema(names: []))
        }
    }

    @Test func pointerEscapesAndIndexes() throws {
        var settings = SourceSettings()
        settings.fields = FieldMapping(id: "/a~1b/~0c/1", features: "/f")
        let batch = try decodeLine(#"{"a/b":{"~c":["no","yes"]},"f":{}}"#, settings: settings,
                                   schema: FeatureSchema(names: []))
        #expect(batch.records.first?.id == "yes")
    }
}
