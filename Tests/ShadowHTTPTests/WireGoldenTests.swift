import ShadowCore
import ShadowHTTP
import Testing

@Suite struct WireGoldenTests {
    @Test(arguments: [
        (HTTPModelSettings.WireProtocol.mlflow, HTTPModelSettings.Format.dataframeSplit, "mlflow_invocations_dataframe_split.json"),
        (.mlflow, .dataframeRecords, "mlflow_invocations_dataframe_records.json"),
        (.mlflow, .instances, "mlflow_invocations_instances.json"),
        (.seldon, .ndarray, "seldon_v1_request.json"),
        (.seldon, .seldonTensor, "seldon_v1_tensor_request.json"),
    ])
    func encodesTheSampleByteForByte(wire: HTTPModelSettings.WireProtocol, format: HTTPModelSettings.Format,
                                     file: String) throws {
        let codec = try Fixtures.codec(wire, format)
        #expect(String(decoding: Fixtures.body(codec), as: UTF8.self) == String(decoding: Fixtures.format(file), as: UTF8.self))
    }

    @Test func kserveTensorRequestHasNamedInputShapeAndDatatype() throws {
        let codec = try Fixtures.codec(.kserveV2)
        let body = JSONValue.parse(Fixtures.body(codec))!
        #expect(body["id"] == .string("42"))
        let input = body["inputs"]!.array![0]
        #expect(input["name"] == .string("input-0"))
        #expect(input["shape"]!.flattened == [1, 4])
        #expect(input["datatype"] == .string("FP64"))
        #expect(input["data"]!.flattened == [6.8, 2.8, 4.8, 1.4])
        #expect(codec.path == "/v2/models/iris/infer")
    }

    @Test func kserveColumnsRequestNamesEachFeature() throws {
        let codec = try Fixtures.codec(.kserveV2, .columns)
        let body = Fixtures.body(codec)
        let inputs = JSONValue.parse(body)!["inputs"]!.array!
        #expect(inputs.map { $0["name"]!.string! } == Fixtures.iris)
        #expect(WireServerCodec.readRequest(.kserveV2, body: body)?.rows == [[6.8, 2.8, 4.8, 1.4]])
    }

    @Test func tfservingAndMLflowInputsRoundTripThroughTheServerReader() throws {
        for (wire, format) in [(HTTPModelSettings.WireProtocol.tfserving, HTTPModelSettings.Format.row),
                               (.tfserving, .columnar), (.mlflow, .inputs), (.mlflow, .dataframeSplit)] {
            let body = Fixtures.body(try Fixtures.codec(wire, format))
            #expect(WireServerCodec.readRequest(wire, body: body)?.rows == [[6.8, 2.8, 4.8, 1.4]], "\(wire) \(format)")
        }
    }

    @Test func serverReaderReadsEverySampleRequest() {
        let rows: [[Double]] = [[6.8, 2.8, 4.8, 1.4], [6.0, 3.4, 4.5, 1.6]]
        #expect(WireServerCodec.readRequest(.kserveV2, body: Fixtures.format("kserve_v2_infer_request.json"))?.rows == rows)
        #expect(WireServerCodec.readRequest(.kserveV2, body: Fixtures.format("kserve_v2_infer_request.json"))?.id == "42")
        #expect(WireServerCodec.readRequest(.tfserving, body: Fixtures.format("tfserving_predict_row_request.json"))?.rows == rows)
        #expect(WireServerCodec.readRequest(.mlflow, body: Fixtures.format("mlflow_invocations_inputs_with_params.json"))?.rows
            == [rows[0]])
        for file in ["mlflow_invocations_dataframe_split.json", "mlflow_invocations_dataframe_records.json",
                     "mlflow_invocations_instances.json"] {
            #expect(WireServerCodec.readRequest(.mlflow, body: Fixtures.format(file))?.rows == [rows[0]], "\(file)")
        }
        #expect(WireServerCodec.readRequest(.seldon, body: Fixtures.format("seldon_v1_request.json"))?.rows == [rows[0]])
        #expect(WireServerCodec.readRequest(.seldon, body: Fixtures.format("seldon_v1_tensor_request.json"))?.rows == [rows[0]])
        // A string column cannot be a model input for the test server: the request is refused, not misread.
        #expect(WireServerCodec.readRequest(.tfserving, body: Fixtures.format("tfserving_predict_columnar_request.json")) == nil)
    }

    @Test func decodesEverySampleResponse() throws {
        #expect(Fixtures.decode(try Fixtures.codec(.kserveV2), Fixtures.format("kserve_v2_infer_response.json"), rows: 2)
            == [1, 1])
        #expect(Fixtures.decode(try Fixtures.codec(.mlflow), Fixtures.format("mlflow_invocations_response.json"), rows: 1)
            == [1])
        #expect(Fixtures.decode(try Fixtures.codec(.tfserving, width: 3), Fixtures.format("tfserving_predict_row_response.json"),
                                rows: 2) == [0.01, 0.93, 0.06, 0.02, 0.88, 0.10])
        #expect(Fixtures.decode(try Fixtures.codec(.tfserving, .columnar),
                                Fixtures.format("tfserving_predict_columnar_response.json"), rows: 2) == [0.7, 0.2])
        // Seldon's meta (with its own arrays) is skipped.
        #expect(Fixtures.decode(try Fixtures.codec(.seldon, width: 3), Fixtures.format("seldon_v1_response.json"), rows: 1)
            == [0.01, 0.93, 0.06])
    }

    @Test func errorBodiesAndWrongWidthsAreUndecodable() throws {
        #expect(Fixtures.decode(try Fixtures.codec(.kserveV2), Fixtures.format("kserve_v2_error_response.json"), rows: 1) == nil)
        #expect(Fixtures.decode(try Fixtures.codec(.seldon, width: 2), Fixtures.format("seldon_v1_response.json"), rows: 1) == nil)
        #expect(Fixtures.decode(try Fixtures.codec(.mlflow), Array("<html>".utf8), rows: 1) == nil)
        #expect(Fixtures.decode(try Fixtures.codec(.mlflow), Array(#"{"predictions":["a"]}"#.utf8), rows: 1) == nil)
    }

    @Test func binaryTakesThePositiveClassOfTwoProbabilities() throws {
        #expect(Fixtures.decode(try Fixtures.codec(.mlflow), Array(#"{"predictions":[[0.25,0.75]]}"#.utf8), rows: 1) == [0.75])
    }

    @Test func tfservingNaNAndInfinityTokens() throws {
        let out = Fixtures.decode(try Fixtures.codec(.tfserving), Array(#"{"predictions": [[NaN], [Infinity], [-Infinity]]}"#.utf8),
                                  rows: 3)!
        #expect(out[0].isNaN && out[1] == .infinity && out[2] == -.infinity)
    }

    @Test func kserveReadsTheNamedOutput() throws {
        let settings = HTTPModelSettings(url: "http://h", wire: .kserveV2, modelName: "m", modelVersion: "3",
                                         outputName: "probability")
        let codec = try WireCodec(settings: settings, featureNames: ["a"], width: 1, urlPath: "/")
        let body = #"{"outputs":[{"name":"label","shape":[1],"datatype":"INT64","data":[1]},"#
            + #"{"name":"probability","shape":[1],"datatype":"FP64","data":[0.625]}]}"#
        #expect(Fixtures.decode(codec, Array(body.utf8), rows: 1) == [0.625])
        #expect(codec.path == "/v2/models/m/versions/3/infer")
    }

    @Test func jsonTemplateAndPointer() throws {
        let codec = try Fixtures.codec(.json, template: #"{"id":{{id}},"x":{{features}},"o":{{object}}}"#,
                                       pointer: "/result/score")
        var record = Fixtures.record([1, .nan, 2.5, -3], id: "r\"1")
        record.strings = [1: "pro"]
        #expect(String(decoding: Fixtures.body(codec, record), as: UTF8.self)
            == #"{"id":"r\"1","x":[1,"pro",2.5,-3],"o":{"sepal_length":1,"sepal_width":"pro","petal_length":2.5,"petal_width":-3}}"#)
        #expect(Fixtures.decode(codec, Array(#"{"result":{"score":[0.5]}}"#.utf8), rows: 1) == [0.5])
        #expect(throws: WireError.self) { try Fixtures.codec(.json, template: "{}", pointer: "/x") }
        #expect(throws: WireError.self) { try Fixtures.codec(.json, template: "{{features}}", pointer: "x") }
    }

    @Test func missingValuesAreNullAndNumbersRoundTrip() throws {
        let codec = try Fixtures.codec(.mlflow, .instances)
        let values = [0.1, 1e-7, 123456789.125, .nan]
        let body = Fixtures.body(codec, Fixtures.record(values))
        #expect(String(decoding: body, as: UTF8.self) == #"{"instances":[[0.1,1e-07,123456789.125,null]]}"#)
        let parsed = JSONValue.parse(body)!["instances"]!.array![0].flattened!
        #expect(parsed[0] == 0.1 && parsed[1] == 1e-7 && parsed[2] == 123456789.125 && parsed[3].isNaN)
    }
}
