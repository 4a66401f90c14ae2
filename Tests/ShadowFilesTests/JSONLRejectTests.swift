import Testing
import ShadowCore
@testable import ShadowFiles

/// Every reject kind of a JSON Lines file, with its exact line, byte offset, code and reason.
@Suite struct JSONLRejectTests {
    static let schema = FeatureSchema(names: ["age", "plan", "spend"])

    @Test func rejectsFixture() throws {
        let path = Fixtures.path("rejects.jsonl")
        let result = try readAll(path, schema: Self.schema)
        #expect(result.records.map(\.id) == ["ok-1", "ok-2", "ok-3"])
        #expect(result.records.map(\.position.line) == [1, 12, 19])
        #expect(result.records.map(\.position.byteOffset) == [0, 422, 615])
        #expect(result.records.map { $0.features[0] } == [1, 2, 3])
        let expected: [(Int, Int64, RejectCode, String)] = [
            (2, 35, .malformedJSON, "malformed JSON at column 38: unexpected end of line"),
            (3, 73, .invalidUTF8, "invalid UTF-8 at column 41 (byte 0xc3)"),
            (4, 118, .missingField, "field \"/id\": missing"),
            (5, 141, .wrongType, "field \"/features/age\": expected number, string, bool or null, got object"),
            (6, 192, .wrongType, "field \"/id\": expected string or integer, got non-integer number"),
            (7, 224, .wrongType, "field \"/id\": expected string or integer, got bool"),
            (8, 257, .nonFinite, "field \"/features/age\": non-finite number NaN (allow_non_finite is off)"),
            (9, 293, .badTimestamp, "field \"/timestamp\": not an ISO-8601 date-time: \"2025-02-30T00:00:00Z\""),
            (11, 366, .wrongType, "field \"/label\": expected number, string, bool or null, got object"),
            (13, 458, .wrongType, "line: expected a JSON object, got array"),
            (14, 466, .malformedJSON, "malformed JSON at column 39: trailing comma"),
            (15, 506, .missingField, "field \"/features\": missing"),
            (16, 527, .nonFinite, "field \"/features/spend\": non-finite number -Infinity (allow_non_finite is off)"),
            (17, 571, .nonFinite, "field \"/features/spend\": number 1e400 is out of range (allow_non_finite is off)"),
        ]
        #expect(result.rejects.count == expected.count)
        for (reject, (line, offset, code, reason)) in zip(result.rejects, expected) {
            #expect(reject.position == SourcePosition(file: path, line: line, byteOffset: offset))
            #expect(reject.code == code, "line \(line)")
            #expect(reject.reason == reason, "line \(line)")
        }
        #expect(result.chunks.last?.endLine == 19)
        #expect(result.chunks.last?.endOffset == 649)
    }

    @Test func nonFiniteTokensAreMissingWhenAllowed() throws {
        var settings = SourceSettings()
        settings.allowNonFinite = true
        let batch = try decodeLine(#"{"id":"x","features":{"age":NaN,"spend":-Infinity,"plan":1},"label":Infinity}"#,
                                   settings: settings, schema: Self.schema)
        #expect(batch.rejects.isEmpty)
        let record = try #require(batch.records.first)
        #expect(record.features[0].isNaN && record.features[2].isNaN && record.features[1] == 1)
        #expect(record.label == nil)
        #expect(batch.featuresJSON(of: 0) == #"{"age":null,"spend":null,"plan":1}"#)
    }

    @Test("wrong types name the field", arguments: [
        (#"{"id":"x","features":[1,2]}"#, "field \"/features\": expected object (or an array with feature_names), got array"),
        (#"{"id":"x","features":"age=1"}"#, "field \"/features\": expected object, got string"),
        (#"{"id":"x","features":{"a~b/c":[1]}}"#, "field \"/features/a~0b~1c\": expected number, string, bool or null, got array"),
        (#"{"id":null,"features":{}}"#, "field \"/id\": is null"),
        (#"{"id":"x","timestamp":true,"features":{}}"#, "field \"/timestamp\": expected string or number, got bool"),
        (#"{"id":"x","features":{"age":1},"deep":{"list":[1,NaN]}}"#, "field \"/deep/list/1\": non-finite number NaN (allow_non_finite is off)"),
    ])
    func wrongTypes(line: String, reason: String) throws {
        let batch = try decodeLine(line, schema: Self.schema)
        #expect(batch.records.isEmpty)
        #expect(batch.rejects.first?.reason == reason)
    }

    @Test func invalidUTF8OutsideStringsIsReportedAsUTF8() throws {
        let decoder = try RecordDecoder(jsonlSettings: .init(), schema: Self.schema)
        let bytes: [UInt8] = Array(#"{"id":"x","features":{}}"#.utf8) + [0xFF]
        let chunk = LineChunk(sequence: 3, file: "f", bytes: bytes, lines: [0..<bytes.count], lineNumbers: [9],
                              lineOffsets: [120], endOffset: 200, endLine: 9)
        let batch = decoder.decode(chunk)
        #expect(batch.sequence == 3 && batch.endOffset == 200 && batch.endLine == 9)
        #expect(batch.rejects == [Reject(position: SourcePosition(file: "f", line: 9, byteOffset: 120),
                                         code: .invalidUTF8, reason: "invalid UTF-8 at column 25 (byte 0xff)")])
    }

    @Test("malformed JSON", arguments: [
        (#"{"id":"x" "features":{}}"#, "malformed JSON at column 11: expected ',' or '}'"),
        (#"{"id":01}"#, "malformed JSON at column 7: number with a leading zero"),
        (#"{"id":"a\x"}"#, "malformed JSON at column 9: invalid escape sequence"),
        (#"{"id":"\ud800"}"#, "malformed JSON at column 8: unpaired UTF-16 surrogate escape"),
        ("{\"id\":\"a\tb\"}", "malformed JSON at column 9: unescaped control character in string"),
        (#"{"id":"x"} x"#, "malformed JSON at column 12: characters after the top-level value"),
        (#"{"id":tru}"#, "malformed JSON at column 7: invalid literal"),
        (#"{"id":-}"#, "malformed JSON at column 7: invalid number"),
        (#"{id:1}"#, "malformed JSON at column 2: expected a string key"),
        (#"{"id" 1}"#, "malformed JSON at column 7: expected ':' after an object key"),
        (#"{"a":[1 2]}"#, "malformed JSON at column 9: expected ',' or ']'"),
    ])
    func malformed(line: String, reason: String) throws {
        let batch = try decodeLine(line, schema: Self.schema)
        #expect(batch.rejects.map(\.code) == [.malformedJSON])
        #expect(batch.rejects.first?.reason == reason)
    }
}
