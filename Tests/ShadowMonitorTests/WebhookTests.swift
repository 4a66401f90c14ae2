import Foundation
import Testing
import ShadowCore
@testable import ShadowMonitor

/// Webhooks against a real loopback HTTP server started by the test.
@Suite struct WebhookTests {
    static let event = TriggerEvent(run: 7, rule: "r", level: .alert, signal: "psi:x0", value: 0.3, threshold: 0.25,
                                    window: 4, atMs: 1_704_067_200_000, model: "champion")

    @Test func postsJSONAndRetriesAfterAFailure() async throws {
        let server = try LoopbackHTTPServer(statuses: [503, 200])
        let runner = ActionRunner(actions: [DriftSettings.Action(on: [.alert], kind: .webhook,
                                                                 url: "http://127.0.0.1:\(server.port)/hook",
                                                                 timeoutMs: 2_000, retries: 2)])
        let results = await runner.run(Self.event)
        let requests = server.finish()
        #expect(results.count == 1 && results[0].ok && results[0].attempts == 2 && results[0].httpStatus == 200)
        #expect(requests.count == 2)
        let request = try #require(requests.last)
        #expect(request.head.hasPrefix("POST /hook HTTP/1.1\r\n"))
        #expect(request.head.contains("Content-Type: application/json\r\n"))
        let body = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as! [String: Any]
        #expect(body["event"] as? String == "drift-alert" && body["rule"] as? String == "r")
        #expect(body["signal"] as? String == "psi:x0" && body["run"] as? Int == 7 && body["value"] as? Double == 0.3)
        #expect(body["at"] as? String == "2024-01-01T00:00:00.000Z")
    }

    @Test func givesUpAfterItsRetries() async {
        let server = try! LoopbackHTTPServer(statuses: [500, 500, 500])
        let runner = ActionRunner(actions: [DriftSettings.Action(on: [.alert], kind: .webhook,
                                                                 url: "http://127.0.0.1:\(server.port)/",
                                                                 timeoutMs: 2_000, retries: 1)])
        let results = await runner.run(Self.event)
        _ = server.finish()
        #expect(results.first?.ok == false && results.first?.attempts == 2 && results.first?.error == "HTTP status 500")
    }

    @Test func urlsAreParsed() {
        #expect(Webhook.Target("http://h:81/a/b?c=1") == Webhook.Target(host: "h", port: 81, path: "/a/b?c=1"))
        #expect(Webhook.Target("http://h") == Webhook.Target(host: "h", port: 80, path: "/"))
        #expect(Webhook.Target("http://[::1]:8080/x") == Webhook.Target(host: "::1", port: 8080, path: "/x"))
        #expect(Webhook.Target("https://h/") == nil)
        #expect(Webhook.Target("http://h:0/") == nil)
    }
}
