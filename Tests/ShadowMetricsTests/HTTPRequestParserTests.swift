import Testing
@testable import ShadowMetrics

/// Request heads: complete, partial, too large and malformed ones, as RFC 9112 reads them.
@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, limit: Int = 8192) -> HTTPRequestParser.Outcome {
        HTTPRequestParser.parse(Array(text.utf8), limit: limit)
    }

    @Test func aCompleteGet() {
        let outcome = parse("GET /metrics?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9464\r\nAccept:  text/plain \r\n\r\n")
        #expect(outcome == .complete(HTTPRequestHead(method: "GET", path: "/metrics", minorVersion: 1,
                                                     headers: [("host", "127.0.0.1:9464"), ("accept", "text/plain")])))
    }

    @Test func http10NeedsNoHostAndBareLineFeedsAreAccepted() {
        #expect(parse("\r\nHEAD /metrics HTTP/1.0\n\n") == .complete(HTTPRequestHead(method: "HEAD", path: "/metrics",
                                                                                       minorVersion: 0)))
    }

    @Test func absoluteFormTargetsKeepTheirPath() {
        #expect(parse("GET http://localhost:9464/metrics HTTP/1.1\r\nHost: x\r\n\r\n")
                == .complete(HTTPRequestHead(method: "GET", path: "/metrics", minorVersion: 1, headers: [("host", "x")])))
        #expect(parse("GET HTTP://h HTTP/1.1\r\nHost: x\r\n\r\n")
                == .complete(HTTPRequestHead(method: "GET", path: "/", minorVersion: 1, headers: [("host", "x")])))
    }

    @Test func anIncompleteHeadNeedsMore() {
        #expect(parse("") == .needMore)
        #expect(parse("GET /metrics HTTP/1.1\r\nHost: x\r\n") == .needMore)
    }

    @Test func aHeadOverTheLimitIsRefused() {
        let long = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: " + String(repeating: "a", count: 200)
        #expect(parse(long, limit: 100) == .invalid(.headersTooLarge))
        #expect(parse(long + "\r\n\r\n", limit: 100) == .invalid(.headersTooLarge))
        #expect(parse(long + "\r\n\r\n", limit: 1000) != .invalid(.headersTooLarge))
    }

    @Test(arguments: [
        "GET /metrics\r\n\r\n",
        "GET  /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        "G(T /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /metrics HTTP/1.1\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost: x\u{1}y\r\n\r\n",
        "GET /metrics HTTP/1.x\r\nHost: x\r\n\r\n",
        "GET /met rics HTTP/1.1\r\nHost: x\r\n\r\n",
    ])
    func malformedRequestsAreBadRequests(text: String) {
        #expect(parse(text) == .invalid(.badRequest))
    }

    @Test func otherVersionsAreNotSupported() {
        #expect(parse("GET /metrics HTTP/2.0\r\nHost: x\r\n\r\n") == .invalid(.versionNotSupported))
        #expect(parse("GET /metrics HTTP/1.2\r\nHost: x\r\n\r\n") == .invalid(.versionNotSupported))
    }

    @Test func theRouterAnswersEachCase() {
        let router = MetricsRouter { "m 1\n" }
        let get = router.respond(to: HTTPRequestHead(method: "GET", path: "/metrics", minorVersion: 1))
        #expect(get.status == .ok && get.body == Array("m 1\n".utf8) && !get.omitsBody)
        #expect(get.headers.first?.value == "text/plain; version=0.0.4; charset=utf-8")
        let head = router.respond(to: HTTPRequestHead(method: "HEAD", path: "/metrics", minorVersion: 1))
        #expect(head.status == .ok && head.omitsBody && head.body.count == 4)
        let post = router.respond(to: HTTPRequestHead(method: "POST", path: "/metrics", minorVersion: 1))
        #expect(post.status == .methodNotAllowed && post.headers.contains { $0 == ("Allow", "GET, HEAD") })
        #expect(router.respond(to: HTTPRequestHead(method: "GET", path: "/", minorVersion: 1)).status == .notFound)
        #expect(router.respond(to: HTTPRequestHead(method: "POST", path: "/x", minorVersion: 1)).status == .notFound)
        #expect(router.respond(to: .invalid(.headersTooLarge)).status == .headersTooLarge)
    }

    @Test func responsesCarryLengthDateAndClose() {
        let bytes = HTTPResponse.plain(.notFound, "no").encoded(epochSeconds: 784_111_777)
        #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 404 Not Found\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 3\r\n"
            + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nConnection: close\r\n\r\nno\n")
        let head = HTTPResponse(status: .ok, body: [1, 2, 3], omitsBody: true).encoded(epochSeconds: 0)
        #expect(String(decoding: head, as: UTF8.self).hasSuffix("Content-Length: 3\r\n"
            + "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\nConnection: close\r\n\r\n"))
    }
}
