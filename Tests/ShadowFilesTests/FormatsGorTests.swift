import Foundation
import Testing
import ShadowCore
@testable import ShadowFiles

/// GoReplay captures: the shared sample's bytes, gzip, reordering, pairing with original responses, rejects.
@Suite struct FormatsGorTests {
    @Test func sampleCaptureBecomesRecordsWithRecordedResponse() throws {
        let result = try readAll(FormatsFixtures.path("sample.gor"), settings: FormatsFixtures.gorSettings,
                                 schema: FormatsFixtures.iris)
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.id) == ["a1b2c3d4e5f60718293a4b5c", "0f1e2d3c4b5a69788796a5b4"])
        #expect(result.records.map(\.epochMs) == [1_700_000_000_000, 1_700_000_000_010])
        #expect(result.records[0].features == [5.1, 3.5, 1.4, 0.2])
        #expect(result.records.map(\.position.line) == [1, 16])
        #expect(result.records[1].position.byteOffset > 0)
        #expect(FormatsFixtures.recorded(result) == [
            #"{"model_name":"iris","id":"r1","outputs":[{"name":"output-0","shape":[1],"datatype":"INT64","data":[0]}]}"#,
            nil,
        ])
        #expect(result.featuresJSON[0].contains(#""sepal_length":5.1"#))
    }

    @Test func autoDetectsByExtensionAndGzip() throws {
        let plain = try readAll(FormatsFixtures.path("sample.gor"), settings: FormatsFixtures.gorSettings,
                                schema: FormatsFixtures.iris)
        let reader = try TrafficReader(path: FormatsFixtures.path("sample.gor.gz"), settings: FormatsFixtures.gorSettings,
                                       schema: FormatsFixtures.iris)
        #expect(reader.format == .gor)
        let zipped = try readAll(FormatsFixtures.path("sample.gor.gz"), settings: FormatsFixtures.gorSettings,
                                 schema: FormatsFixtures.iris)
        #expect(zipped.records.map(\.id) == plain.records.map(\.id))
        #expect(zipped.records.map(\.features) == plain.records.map(\.features))
        #expect(FormatsFixtures.recorded(zipped) == FormatsFixtures.recorded(plain))
        // Sniffed by the first line when the name says nothing.
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: FormatsFixtures.path("sample.gor"))))
        let renamed = try Fixtures.temporaryFile("capture.log", bytes)
        #expect(try TrafficReader(path: renamed, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris).format == .gor)
    }

    @Test func outOfOrderCaptureIsSortedPairedAndRejectsBadRecords() throws {
        let result = try readAll(FormatsFixtures.path("shuffled.gor"), settings: FormatsFixtures.gorSettings,
                                 schema: FormatsFixtures.iris, maxLines: 2)
        #expect(result.records.map(\.id) == ["g04", "g01", "g02", "g03"])
        #expect(result.records.map(\.epochMs) == [1_700_000_000_005, 1_700_000_000_010, 1_700_000_000_020, 1_700_000_000_030])
        #expect(result.records[3].features == [6.3, 3.3, 6.0, 2.5])
        let recorded = FormatsFixtures.recorded(result)
        #expect(recorded[0] == nil)                      // no response logged
        #expect(recorded[1]?.contains(#""data":[0]"#) == true)  // response after the request
        #expect(recorded[2] == nil)                      // only a replayed (type 3) response
        #expect(recorded[3]?.contains(#""data":[2]"#) == true)  // response logged before the request
        #expect(result.rejects.map(\.code) == [.badTimestamp, .malformedJSON])
        #expect(result.rejects.allSatisfy { $0.position.file.hasSuffix("shuffled.gor") })
        #expect(result.rejects[0].reason.contains("notanumber"))
        #expect(result.rejects[1].reason.contains("gor request g05"))
        let lines = result.rejects.map(\.position.line)
        #expect(lines[0] > 1 && lines[1] > lines[0])
    }

    @Test func reorderWindowIsBounded() throws {
        let fd = open(FormatsFixtures.path("shuffled.gor"), O_RDONLY)
        let source = try FramedTrafficSource(fd: fd, file: "shuffled.gor", format: .gor, settings: FormatsFixtures.gorSettings,
                                             schema: FormatsFixtures.iris, reorderWindow: 1)
        let decoder = try RecordDecoder(framed: .gor, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        var ids: [String] = []
        var sequence = 0
        while let chunk = try source.next(maxLines: 10, sequence: sequence) {
            ids += decoder.decode(chunk).records.map(\.id)
            sequence += 1
        }
        // Arrival order g01 (10 ms), g03 (30), g02 (20), g04 (5). With one record held, g02 overtakes the held
        // g03, but g04 comes too late to overtake g01 and g02, which already left; the full window sorts all four.
        #expect(ids == ["g01", "g02", "g04", "g03"])
    }

    @Test func oversizedRecordIsRejectedAndReadingGoesOn() throws {
        var settings = FormatsFixtures.gorSettings
        settings.maxLineBytes = 120
        let result = try readAll(FormatsFixtures.path("sample.gor"), settings: settings, schema: FormatsFixtures.iris)
        #expect(result.records.isEmpty)
        #expect(result.rejects.map(\.code) == [.lineTooLong, .lineTooLong, .lineTooLong])
    }

    @Test func wireProtocolBodiesNeedNoMapping() throws {
        // No [source.fields]: KServe v2 inputs are named by the models' feature order.
        let result = try readAll(FormatsFixtures.path("sample.gor"), schema: FormatsFixtures.iris)
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.features) == [[5.1, 3.5, 1.4, 0.2], [5.1, 3.5, 1.4, 0.2]])
        let body = #"{"instances":[{"sepal_length":1,"sepal_width":2,"petal_length":3,"petal_width":4},[5,6,7,8]]}"#
        let answer = #"{"predictions":[0,1]}"#
        let text = "1 b 1700000000000000000 -1\nPOST /v1/models/iris:predict HTTP/1.1\n\n\(body)\n🐵🙈🙉\n"
            + "2 b 1700000000000100000 100\nHTTP/1.1 200 OK\n\n\(answer)\n🐵🙈🙉\n"
        let batch = try readAll(try Fixtures.temporaryFile("batch.gor", text), schema: FormatsFixtures.iris)
        #expect(batch.records.map(\.id) == ["b/0", "b/1"])
        #expect(batch.records.map(\.features) == [[1, 2, 3, 4], [5, 6, 7, 8]])
        #expect(FormatsFixtures.recorded(batch) == ["0", "1"])
    }
}

/// A capture in one wire protocol is decoded to features whatever protocol the replayed models speak: every
/// request sample of the supported protocols, wrapped in a GoReplay record, gives the same iris rows.
@Suite struct FormatsCrossProtocolTests {
    @Test(arguments: [
        ("kserve_v2_infer_request.json", 2), ("mlflow_invocations_dataframe_records.json", 1),
        ("mlflow_invocations_dataframe_split.json", 1), ("mlflow_invocations_inputs_with_params.json", 1),
        ("mlflow_invocations_instances.json", 1), ("tfserving_predict_row_request.json", 2),
        ("seldon_v1_request.json", 1), ("seldon_v1_tensor_request.json", 1),
    ])
    func everyProtocolsRequestBodyBecomesRows(sample: String, rows: Int) throws {
        let body = try String(contentsOfFile: FormatsFixtures.path(sample), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let text = "1 c 1700000000000000000 -1\nPOST /invocations HTTP/1.1\nContent-Type: application/json\n\n"
            + "\(body)\n🐵🙈🙉\n"
        let result = try readAll(try Fixtures.temporaryFile("capture.gor", text), schema: FormatsFixtures.iris)
        #expect(result.rejects.isEmpty, "\(result.rejects.map(\.reason))")
        let expected: [[Double]] = [[6.8, 2.8, 4.8, 1.4], [6.0, 3.4, 4.5, 1.6]]
        #expect(result.records.map(\.features) == Array(expected.prefix(rows)))
    }

    @Test func dataframeSplitWithoutColumnNamesIsARejectNamingTheField() throws {
        let body = #"{"dataframe_split":{"columns":["a",1],"data":[[1,2]]}}"#
        let text = "1 c 1700000000000000000 -1\nPOST /invocations HTTP/1.1\n\n\(body)\n🐵🙈🙉\n"
        let result = try readAll(try Fixtures.temporaryFile("bad.gor", text), schema: FormatsFixtures.iris)
        #expect(result.records.isEmpty)
        #expect(result.rejects.first?.reason.contains("/dataframe_split/columns") == true, "\(result.rejects)")
    }
}
