import Testing
import ShadowCore
@testable import ShadowFiles

/// CSV: header-named columns, RFC 4180 quoting (newlines inside quotes), typed cells, bad rows.
@Suite struct CSVReaderTests {
    static let schema = FeatureSchema(names: ["age", "plan", "spend", "vip"])

    @Test func fixture() throws {
        let path = Fixtures.path("traffic.csv")
        let result = try readAll(path, schema: Self.schema)
        let records = result.records
        #expect(records.map(\.id) == ["c1", "c2", "c5"])
        #expect(records.map(\.position.line) == [2, 3, 8])
        #expect(records.map(\.position.byteOffset) == [40, 98, 233])
        #expect(records.map(\.epochMs) == [1_740_960_105_605, 1_740_960_106_000, nil])
        #expect(records.map(\.label) == [.number(1), .number(0), .bool(false)])
        #expect(records[0].features[0] == 41 && records[0].strings == [1: "pro"] && records[0].features[2] == 12.5)
        #expect(records[1].features[0].isNaN && records[1].strings == [1: "free"])
        #expect(records[2].features[0] == 7 && records[2].features[1] == 1 && records[2].features[2] == 5)
        #expect(result.featuresJSON == [#"{"age":41,"plan":"pro","spend":12.5}"#,
                                        #"{"age":null,"plan":"free","spend":0}"#,
                                        #"{"age":7.0,"plan":true,"spend":5.0}"#])
        let expected: [(Int, Int64, RejectCode, String)] = [
            (5, 160, .badCSV, "row has 4 fields, header has 7"),
            (6, 192, .nonFinite, "column \"age\": non-finite number \"nan\" (allow_non_finite is off)"),
            (9, 259, .badCSV, "field 6: quote inside an unquoted field"),
            (10, 305, .missingField, "column \"id\": empty"),
            (11, 340, .badCSV, "field 4: unterminated quoted field"),
        ]
        #expect(result.rejects.count == expected.count)
        for (reject, (line, offset, code, reason)) in zip(result.rejects, expected) {
            #expect(reject.position == SourcePosition(file: path, line: line, byteOffset: offset))
            #expect(reject.code == code, "line \(line)")
            #expect(reject.reason == reason, "line \(line)")
        }
        #expect(result.chunks.last?.endLine == 11)
    }

    @Test func quotedNewlinesAndFeatureNames() throws {
        var settings = SourceSettings()
        settings.fields.featureNames = ["note"]
        let result = try readAll(Fixtures.path("traffic.csv"), settings: settings, schema: Self.schema)
        #expect(result.featuresJSON[1] == #"{"age":null,"plan":"free","spend":0,"note":"multi\r\nline \"quoted\""}"#)
    }

    @Test func delimiterTimeUnitAndExtraColumn() throws {
        let path = try Fixtures.temporaryFile("t.csv", "rid;t;x;y\nq1;1740960105;1.5;2\n\"q;2\";1740960106;-1;\n")
        var settings = SourceSettings(csvDelimiter: UInt8(ascii: ";"))
        settings.fields = FieldMapping(id: "/rid", time: "/t", timeUnit: .s, feature: ["z": "/y"])
        let result = try readAll(path, settings: settings, schema: FeatureSchema(names: ["x", "z"]))
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.id) == ["q1", "q;2"])
        #expect(result.records.map(\.epochMs) == [1_740_960_105_000, 1_740_960_106_000])
        #expect(result.records[0].features == [1.5, 2])
        #expect(result.featuresJSON == [#"{"x":1.5,"z":2}"#, #"{"x":-1,"z":null}"#])
    }

    @Test func headerProblemsAreErrors() throws {
        let noID = try Fixtures.temporaryFile("a.csv", "key,x\n1,2\n")
        #expect(throws: TrafficReaderError(.badFieldMapping, file: noID,
                                           "source.fields.id: the CSV header has no column \"id\"")) {
            _ = try TrafficReader(path: noID, settings: .init(), schema: Self.schema)
        }
        let twice = try Fixtures.temporaryFile("b.csv", "id,x,x\n1,2,3\n")
        #expect(throws: TrafficReaderError(.badCSVHeader, file: twice, "line 1: column \"x\" appears twice")) {
            _ = try TrafficReader(path: twice, settings: .init(), schema: Self.schema)
        }
        let empty = try Fixtures.temporaryFile("c.csv", "")
        #expect(throws: TrafficReaderError(.badCSVHeader, file: empty, "no header row (the file is empty)")) {
            _ = try TrafficReader(path: empty, settings: .init(), schema: Self.schema)
        }
    }

    @Test func formatByExtension() throws {
        #expect(try TrafficReader.resolveFormat(.auto, path: "/x/a.NDJSON") == .jsonl)
        #expect(try TrafficReader.resolveFormat(.auto, path: "a.json") == .jsonl)
        #expect(try TrafficReader.resolveFormat(.auto, path: "dir.d/a.csv") == .csv)
        #expect(try TrafficReader.resolveFormat(.csv, path: "a.log") == .csv)
        #expect(throws: TrafficReaderError(.unknownFormat, file: "a.log",
                                           "cannot tell the format from the extension \"log\"; set source.format to jsonl, csv, gor, kserve-log or seldon-log")) {
            _ = try TrafficReader.resolveFormat(.auto, path: "a.log")
        }
        #expect(throws: TrafficReaderError.self) {
            _ = try TrafficReader(path: "/nonexistent/t.jsonl", settings: .init(), schema: Self.schema)
        }
    }
}
