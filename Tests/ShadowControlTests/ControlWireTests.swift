import FoundationEssentials
import ShadowCore
import Testing
@testable import ShadowControl

@Suite struct ControlWireTests {
    @Test(arguments: [ControlRequest.submit(name: "/data/traffic.jsonl"), .wait(job: 7), .jobs, .cancel(job: 3), .status])
    func requestRoundTrips(_ request: ControlRequest) throws {
        let line = try request.encodedLine()
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
        #expect(try ControlRequest.decode(Array(line.dropLast())).get() == request)
    }

    @Test func requestIsVersionedJSON() throws {
        let text = String(decoding: try ControlRequest.wait(job: 4).encodedLine(), as: UTF8.self)
        #expect(text == "{\"job\":4,\"op\":\"wait\",\"v\":1}\n")
    }

    @Test(arguments: [
        ("{\"v\":2,\"op\":\"status\"}", "unsupported protocol version 2; this shadowd speaks v1"),
        ("{\"op\":\"status\"}", "request has no \"v\" (protocol version); this shadowd speaks v1"),
        ("{\"v\":1,\"op\":\"reboot\"}", "unknown op \"reboot\" (expected submit, wait, jobs, cancel or status)"),
        ("{\"v\":1,\"op\":\"wait\"}", "wait needs \"job\" (an integer)"),
        ("{\"v\":1,\"op\":\"wait\",\"job\":\"7\"}", "request is field \"job\" is not an integer; send one JSON object per line"),
        ("{\"v\":1,\"op\":\"submit\"}", "submit needs \"name\""),
        ("[1,2]", "request is not a JSON object; send one JSON object per line"),
        ("{oops", "request is not valid JSON; send one JSON object per line"),
    ])
    func badRequestsSayWhy(_ text: String, _ message: String) {
        #expect(ControlRequest.decode(Array(text.utf8)) == .failure(ControlError(.badRequest, message)))
    }

    @Test func replyCarriesJobWithSummary() throws {
        let summary = RunSummary(run: 9, records: 120, rejects: 1, seconds: 0.5, models: [], shadows: [])
        var job = JobInfo(id: 2, run: 9, origin: .submitted, name: "/t.jsonl", state: .done, records: 120,
                          summary: summary)
        job.disagreements = 4
        let line = ControlReply.job(job).encodedLine()
        #expect(try ControlReply.decode(Array(line.dropLast())).get() == .job(job))
    }

    @Test func errorReplyHasCodeAndMessage() throws {
        let line = ControlReply.failure(ControlError(.unknownJob, "no job 5")).encodedLine()
        let text = String(decoding: line, as: UTF8.self)
        #expect(text == "{\"error\":{\"code\":\"unknown_job\",\"message\":\"no job 5\"},\"ok\":false,\"v\":1}\n")
    }

    @Test func replyOfAnotherVersionIsRejected() {
        let result = ControlReply.decode(Array("{\"v\":2,\"ok\":true,\"jobs\":[]}".utf8))
        guard case .failure(let violation) = result else {
            Issue.record("accepted a v2 reply")
            return
        }
        #expect(violation.message.contains("protocol v2"))
    }
}
