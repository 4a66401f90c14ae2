#if canImport(Glibc)
import Glibc
#endif
import ShadowCore
import ShadowHTTP
import ShadowHTTPS
import Testing

/// The https model against real sockets: a closed port, a plain-HTTP port that answers (no TLS) and one that stays
/// silent. Every record gets its error class, the batch completes, and the model shuts down. (A real TLS server is
/// scripts/https-e2e.sh's.)
@Suite struct ModelTests {
    static let features = ["a", "b"]

    static func model(url: String, timeoutMs: Int = 2000) throws -> HTTPSReplayModel {
        let settings = ModelSettings(name: "m", role: .champion, kind: .http, timeoutMs: timeoutMs, features: features,
                                     http: HTTPModelSettings(url: url, wire: .kserveV2, connections: 4, modelName: "m"))
        return try HTTPSReplayModel(settings: settings, http: settings.http!, task: .binary,
                                    schema: FeatureSchema(names: features))
    }

    static func batch(_ count: Int) -> RecordBatch {
        RecordBatch(sequence: 0, records: (0..<count).map { i in
            TrafficRecord(id: "r\(i)", epochMs: nil, features: [Double(i), 1], featuresJSON: 0..<0,
                          position: SourcePosition(file: "t", line: i + 1, byteOffset: 0))
        })
    }

    /// A port nobody listens on: bound, then closed.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func aRefusedEndpointIsAnErrorPerRecord() async throws {
        let model = try Self.model(url: "https://127.0.0.1:\(Self.closedPort())")
        let result = await model.predict(Self.batch(20))
        #expect(result.errors == Array(repeating: .refused, count: 20))
        #expect(result.values.allSatisfy { $0.isNaN })
        await model.shutdown()
    }

    @Test func aServerWithoutTLSIsATLSErrorPerRecord() async throws {
        let server = try await PlainAnswerer()
        let model = try Self.model(url: "https://127.0.0.1:\(server.port)")
        let result = await model.predict(Self.batch(12))
        #expect(result.errors == Array(repeating: .tls, count: 12))
        #expect(result.latencyNanos.allSatisfy { $0 > 0 })
        // The next batch fails the same way: no error stops the model.
        #expect(await model.predict(Self.batch(3)).errors == [.tls, .tls, .tls])
        #expect(await model.predict(Self.batch(0)).count == 0)
        await model.shutdown()
        await server.stop()
    }

    @Test func aSilentServerTimesOutWithinTheModelTimeout() async throws {
        let server = try ScriptedServer(options: ScriptedServerOptions())
        server.start()
        defer { server.stop() }
        let model = try Self.model(url: "https://127.0.0.1:\(server.port)", timeoutMs: 300)
        let start = MonotonicClock.nanos()
        let result = await model.predict(Self.batch(4))
        let elapsed = MonotonicClock.nanos() - start
        #expect(result.errors == Array(repeating: .timeout, count: 4))
        // At least the timeout; the upper bound only guards against a hang (all suites run in parallel on a
        // loaded 2-core box, which delays the event loops well past the 300 ms).
        #expect(elapsed >= 250_000_000 && elapsed < 8_000_000_000)
        await model.shutdown()
    }

    @Test func theURLAndDigestDescribeTheEndpoint() async throws {
        let model = try Self.model(url: "https://127.0.0.1:9/v2/models/m/infer")
        #expect(model.url == "https://127.0.0.1:9/v2/models/m/infer" && model.digest.count == 64)
        await model.shutdown()
        await model.shutdown()
    }
}
