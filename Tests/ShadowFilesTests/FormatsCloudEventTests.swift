import Testing
import ShadowCore
@testable import ShadowFiles

/// KServe and Seldon payload-logger CloudEvents: binary-mode HTTP dumps and structured JSON lines.
@Suite struct FormatsCloudEventTests {
    @Test func kserveBinaryDumpPairsRequestAndResponse() throws {
        var settings = SourceSettings()
        settings.format = .kserveLog
        let result = try readAll(FormatsFixtures.path("kserve-payload-binary.log"), settings: settings,
                                 schema: FormatsFixtures.iris)
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.id) == ["5f2b6c1e-1c7f-4a55-9a3e-0d6e8b1c2a10"])
        #expect(result.records[0].features == [6.8, 2.8, 4.8, 1.4])
        #expect(result.records[0].epochMs == 1_714_564_800_000)
        #expect(FormatsFixtures.recorded(result) == ["1"])
        #expect(result.records[0].position.line == 1)
        // auto: an HTTP request line with Ce-* headers.
        let reader = try TrafficReader(path: FormatsFixtures.path("kserve-payload-binary.log"), settings: SourceSettings(),
                                       schema: FormatsFixtures.iris)
        #expect(reader.format == .kserveLog)
    }

    @Test func kserveJSONLinesBatchesNamedInputsOrderAndRejects() throws {
        let result = try readAll(FormatsFixtures.path("kserve-payload.jsonl"), settings: SourceSettings(),
                                 schema: FormatsFixtures.iris)
        #expect(result.records.map(\.id) == ["k-1/0", "k-1/1", "k-5", "k-2"])
        #expect(result.records[0].features == [6.8, 2.8, 4.8, 1.4])
        #expect(result.records[1].features == [5.1, 3.5, 1.4, 0.2])
        #expect(result.records[2].features == [5.9, 3.0, 4.2, 1.5])
        #expect(result.records[3].features == [6.3, 3.3, 6.0, 2.5])
        #expect(FormatsFixtures.recorded(result) == [#"{"output-0":1}"#, #"{"output-0":0}"#, nil, #"{"output-0":2}"#])
        #expect(result.rejects.map(\.position.line) == [5, 6])
        #expect(result.rejects.map(\.code) == [.wrongType, .malformedJSON])
        #expect(result.rejects[0].reason.contains("feature_names"))
        #expect(result.rejects[1].reason.hasPrefix("line: malformed JSON at column"))
    }

    @Test func seldonNdarrayAndTensor() throws {
        let result = try readAll(FormatsFixtures.path("seldon-payload.jsonl"), settings: SourceSettings(),
                                 schema: FormatsFixtures.iris)
        let reader = try TrafficReader(path: FormatsFixtures.path("seldon-payload.jsonl"), settings: SourceSettings(),
                                       schema: FormatsFixtures.iris)
        #expect(reader.format == .seldonLog)
        #expect(result.records.map(\.id) == ["s-2", "s-1"])
        #expect(result.records.allSatisfy { $0.features == [6.8, 2.8, 4.8, 1.4] })
        #expect(FormatsFixtures.recorded(result) == [nil, "[0.01,0.93,0.06]"])
        #expect(result.rejects.count == 1 && result.rejects[0].position.line == 4)
    }

    @Test func plainJSONLIsNotMistakenForAnEventLog() {
        #expect(FormatDetection.sniff(Array(#"{"id":"r1","features":{"a":1}}"#.utf8)) == nil)
        #expect(FormatDetection.sniff(Array("1 abc 1700000000000000000 -1\nPOST / HTTP/1.1\n".utf8)) == .gor)
    }
}
