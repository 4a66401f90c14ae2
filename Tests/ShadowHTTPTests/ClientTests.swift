#if canImport(Glibc)
import Glibc
#endif
import ShadowCore
import ShadowHTTP
import Testing

/// The client against the scripted server on an ephemeral port, with real sockets.
@Suite struct ClientTests {
    struct Harness {
        let server: ScriptedServer
        let client: HTTPClient
        let model: HTTPModelSettings
        let codec: WireCodec
        let writer: HTTPRequestWriter

        init(_ configure: (inout ScriptedServerOptions) -> Void = { _ in }, wire: HTTPModelSettings.WireProtocol = .kserveV2,
             connections: Int = 4, timeoutMs: UInt64 = 2000) throws {
            var options = ScriptedServerOptions()
            configure(&options)
            server = try ScriptedServer(options: options)
            server.start()
            let url = "http://127.0.0.1:\(server.port)" + (wire == .json ? "/predict" : "")
            model = HTTPModelSettings(url: url, wire: wire, modelName: "m", requestTemplate: #"{"features":{{features}}}"#,
                                      outputPointer: "/result/score")
            let endpoint = try HTTPEndpoint(url: url)
            codec = try WireCodec(settings: model, featureNames: ["a", "b"], width: 1, urlPath: endpoint.path)
            writer = HTTPRequestWriter(endpoint: endpoint, path: codec.path, headers: ["X-Test": "1"])
            client = try HTTPClient(endpoint: endpoint, connections: connections, timeoutNanos: timeoutMs * 1_000_000)
        }

        /// Sends `rows` as one batch; returns the batch with its answers.
        func send(_ rows: [[Double]]) async -> HTTPRequestBatch {
            let codec = self.codec
            var bytes: [UInt8] = []
            var offsets = [0]
            for (i, row) in rows.enumerated() {
                let record = TrafficRecord(id: "r\(i)", epochMs: nil, features: row, featuresJSON: 0..<0,
                                           position: SourcePosition(file: "t", line: i, byteOffset: 0))
                writer.append(to: &bytes) { codec.appendBody(record, slots: [0, 1], to: &$0) }
                offsets.append(bytes.count)
            }
            let batch = HTTPRequestBatch(bytes: bytes, offsets: offsets, width: 1) { codec.decode($0, rows: 1, into: $1) }
            await client.execute(batch)
            return batch
        }
    }

    static func logistic(_ row: [Double]) -> Double { 1 / (1 + exp(-0.1 * row.reduce(0, +))) }

    @Test(arguments: HTTPModelSettings.WireProtocol.allCases)
    func answersMatchTheFormulaInEveryProtocol(wire: HTTPModelSettings.WireProtocol) async throws {
        let harness = try Harness(wire: wire)
        defer { harness.server.stop() }
        let rows = (0..<200).map { [Double($0), Double($0 % 7) * 0.5] }
        let batch = await harness.send(rows)
        #expect(batch.errors.allSatisfy { $0 == nil })
        for (i, row) in rows.enumerated() { #expect(abs(batch.values[i] - Self.logistic(row)) < 1e-12) }
        #expect(batch.latencyNanos.allSatisfy { $0 > 0 })
    }

    @Test func chunkedBodiesAndConnectionCloseAreHandled() async throws {
        let harness = try Harness({ $0.chunked = true; $0.closeAfter = 3 })
        defer { harness.server.stop() }
        let rows = (0..<50).map { [Double($0), 1] }
        let batch = await harness.send(rows)
        #expect(batch.errors.allSatisfy { $0 == nil })
        #expect(abs(batch.values[49] - Self.logistic(rows[49])) < 1e-12)
    }

    @Test(arguments: [("rate-500", ModelErrorCode.http5xx), ("rate-400", .http4xx), ("rate-garbage", .undecodable),
                      ("rate-reset", .reset)])
    func errorsAreClassifiedPerRecord(flag: String, code: ModelErrorCode) async throws {
        let harness = try Harness({ _ = $0.set(flag, "0.5"); $0.seed = 7 })
        defer { harness.server.stop() }
        let batch = await harness.send((0..<100).map { [Double($0), 0] })
        let failed = batch.errors.filter { $0 != nil }
        #expect(failed.count > 20 && failed.count < 80)
        #expect(failed.allSatisfy { $0 == code })
        for i in 0..<100 where batch.errors[i] != nil { #expect(batch.values[i].isNaN) }
        for i in 0..<100 where batch.errors[i] == nil { #expect(abs(batch.values[i] - Self.logistic([Double(i), 0])) < 1e-12) }
    }

    @Test func slowAnswersTimeOutAndTheRunGoesOn() async throws {
        // A 3 s stall against a 150 ms timeout: the stalled request must time out long before the stall ends (the
        // bound is loose for a loaded 2-core box; the test server's loop itself sleeps through the stall, so the
        // batch's own duration is not the measure).
        let harness = try Harness({ $0.stallAt = 2; $0.stallMs = 3000 }, connections: 2, timeoutMs: 150)
        defer { harness.server.stop() }
        let batch = await harness.send((0..<10).map { [Double($0), 0] })
        // The server's second request stalls; which record that is depends on how the two connections interleave.
        let timedOut = batch.errors.indices.filter { batch.errors[$0] != nil }
        #expect(timedOut.count == 1)
        for i in timedOut {
            #expect(batch.errors[i] == .timeout)
            #expect(batch.latencyNanos[i] >= 150_000_000 && batch.latencyNanos[i] < 2_500_000_000)
        }
    }

    @Test func nothingListeningIsRefused() async throws {
        let probe = try ScriptedServer(options: ScriptedServerOptions())
        let port = probe.port
        probe.start()
        probe.stop()
        usleep(50_000)
        let endpoint = try HTTPEndpoint(url: "http://127.0.0.1:\(port)")
        let client = try HTTPClient(endpoint: endpoint, connections: 2, timeoutNanos: 1_000_000_000)
        let writer = HTTPRequestWriter(endpoint: endpoint, path: "/invocations", headers: [:])
        var bytes: [UInt8] = []
        var offsets = [0]
        for _ in 0..<3 {
            writer.append(to: &bytes) { $0.append(contentsOf: "{}".utf8) }
            offsets.append(bytes.count)
        }
        let batch = HTTPRequestBatch(bytes: bytes, offsets: offsets, width: 1) { _, _ in true }
        await client.execute(batch)
        #expect(batch.errors == [.refused, .refused, .refused])
    }

    @Test func endpointsParseAndHTTPSIsRefused() throws {
        let e = try HTTPEndpoint(url: "http://model.local:8080/v2/models/x/infer")
        #expect(e.host == "model.local" && e.port == 8080 && e.path == "/v2/models/x/infer")
        #expect(try HTTPEndpoint(url: "http://[::1]:9000").host == "::1")
        #expect(try HTTPEndpoint(url: "http://h").port == 80)
        #expect(throws: WireError("the plain client takes http:// urls only (https:// models run on the TLS client)")) {
            try HTTPEndpoint(url: "https://h")
        }
        #expect(throws: WireError.self) { try HTTPEndpoint(url: "http://h:99999") }
    }
}
