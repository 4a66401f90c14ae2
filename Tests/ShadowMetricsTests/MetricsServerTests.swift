#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import ShadowCore
import Synchronization
import Testing
@testable import ShadowMetrics

/// The endpoint over real sockets: a real HTTP client (URLSession), then raw clients for each edge case.
@Suite(.serialized) struct MetricsServerTests {
    /// A started server on a free loopback port serving a counter that counts scrapes.
    final class Fixture: Sendable {
        /// Scrapes rendered so far.
        final class Count: Sendable {
            let value = Atomic<Int>(0)
        }

        let scrapes = Count()
        let server: MetricsServer
        let address: MetricsSettings.Address

        init(limits: MetricsServer.Limits = MetricsServer.Limits(), ipv6: Bool = false) throws {
            let scrapes = self.scrapes
            let router = MetricsRouter {
                let n = scrapes.value.add(1, ordering: .relaxed).newValue
                return ExpositionText.render([MetricFamily(name: "shadowd_scrapes_total", help: "Scrapes.",
                                                           kind: .counter, samples: [MetricSample(value: Double(n))])])
            }
            let requested = ipv6 ? MetricsSettings.Address(family: .ipv6, bytes: [UInt8](repeating: 0, count: 15) + [1], port: 0)
                                 : .localhost(port: 0)
            server = MetricsServer(address: requested, router: router, limits: limits)
            address = try server.start()
        }

        deinit { server.stop() }
    }

    @Test func urlSessionScrapes() async throws {
        let fixture = try Fixture()
        #expect(fixture.address.port != 0)
        let url = try #require(URL(string: "http://\(fixture.address)/metrics"))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(http.value(forHTTPHeaderField: "Connection") == "close")
        #expect(String(decoding: data, as: UTF8.self)
                == "# HELP shadowd_scrapes_total Scrapes.\n# TYPE shadowd_scrapes_total counter\nshadowd_scrapes_total 1\n")
        let (_, missing) = try await URLSession.shared.data(from: try #require(URL(string: "http://\(fixture.address)/")))
        #expect((missing as? HTTPURLResponse)?.statusCode == 404)
    }

    @Test func rawRequestsGetTheRightStatus() throws {
        let fixture = try Fixture()
        func exchange(_ request: String) -> String {
            guard let client = RawClient(fixture.address) else { return "refused" }
            defer { client.close() }
            return client.exchange(request)
        }
        let ok = exchange("GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n") && ok.hasSuffix("shadowd_scrapes_total 1\n"))
        #expect(ok.contains("\r\nContent-Length: 99\r\n") && ok.contains("\r\nConnection: close\r\n"))
        let head = exchange("HEAD /metrics HTTP/1.0\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n") && head.contains("Content-Length: 99"))
        let post = exchange("POST /metrics HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc")
        #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n") && post.contains("\r\nAllow: GET, HEAD\r\n"))
        #expect(exchange("GET /other HTTP/1.1\r\nHost: t\r\n\r\n").hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(exchange("GET /metrics HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(exchange("GET /metrics HTTP/3.0\r\n\r\n").hasPrefix("HTTP/1.1 505 HTTP Version Not Supported\r\n"))
        let huge = "GET /metrics HTTP/1.1\r\nHost: t\r\nX-Pad: " + String(repeating: "p", count: 20_000) + "\r\n\r\n"
        #expect(exchange(huge).hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        #expect(fixture.scrapes.value.load(ordering: .relaxed) == 2)   // GET and HEAD rendered; nothing else did
    }

    @Test func ipv6LoopbackServes() throws {
        let fixture = try Fixture(ipv6: true)
        #expect(fixture.address.description.hasPrefix("[::1]:"))
        let client = try #require(RawClient(fixture.address))
        defer { client.close() }
        #expect(client.exchange("GET /metrics HTTP/1.1\r\nHost: [::1]\r\n\r\n").hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test func slowAndIdleClientsDoNotBlockScrapes() throws {
        var limits = MetricsServer.Limits()
        limits.requestTimeoutNanos = 300_000_000
        let fixture = try Fixture(limits: limits)
        let idle = try #require(RawClient(fixture.address))
        let slow = try #require(RawClient(fixture.address))
        defer { idle.close(); slow.close() }
        slow.send("GET /met")                                   // half a request, then silence
        let scrape = try #require(RawClient(fixture.address))
        defer { scrape.close() }
        #expect(scrape.exchange("GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n").hasPrefix("HTTP/1.1 200 OK\r\n"))
        let started = ContinuousClock.now
        #expect(slow.readAll().hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(idle.readAll() == "")                           // closed without a word
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aRequestInPiecesIsAnswered() throws {
        let fixture = try Fixture()
        let client = try #require(RawClient(fixture.address))
        defer { client.close() }
        for piece in ["GET /met", "rics HTTP/1.1\r", "\nHost: t\r\n", "\r\n"] {
            client.send(piece)
            Thread.sleep(forTimeInterval: 0.03)
        }
        #expect(client.readAll().hasSuffix("shadowd_scrapes_total 1\n"))
    }

    @Test func connectionsOverTheLimitGet503() throws {
        var limits = MetricsServer.Limits()
        limits.maxConnections = 2
        let fixture = try Fixture(limits: limits)
        let held = try (0..<2).map { _ in try #require(RawClient(fixture.address)) }
        defer { held.forEach { $0.close() } }
        held[1].send("G")                                       // make sure both were accepted
        Thread.sleep(forTimeInterval: 0.1)
        let extra = try #require(RawClient(fixture.address))
        defer { extra.close() }
        #expect(extra.readAll().hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
    }

    @Test func stopClosesTheListenerAndABusyPortIsReported() throws {
        let fixture = try Fixture()
        let second = MetricsServer(address: fixture.address, router: MetricsRouter { "" })
        #expect(throws: MetricsServerError.self) { try second.start() }
        do {
            try second.start()
        } catch {
            #expect(error.code == .alreadyStarted || error.code == .addressInUse)
        }
        let third = MetricsServer(address: fixture.address, router: MetricsRouter { "" })
        do {
            try third.start()
            Issue.record("a taken port was bound twice")
        } catch {
            #expect(error.code == .addressInUse)
            #expect(error.description == "cannot listen on \(fixture.address) (bind): Address already in use")
        }
        fixture.server.stop()
        fixture.server.stop()
        #expect(fixture.server.boundAddress == nil)
        #expect(RawClient(fixture.address) == nil)
    }
}
