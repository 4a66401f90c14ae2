import ShadowControl
import ShadowRuntime
import Testing
@testable import ShadowDaemon

@Suite struct JobRegistryTests {
    @Test func idsAreSequentialAndCountsAreRecorded() {
        let jobs = JobRegistry()
        let a = jobs.add(origin: .submitted, name: "/a.jsonl")
        let b = jobs.add(origin: .spool, name: "/b.jsonl")
        #expect([a.id, b.id] == [1, 2])
        var progress = ReplayProgress()
        progress.records = 120
        progress.rejects = 3
        progress.disagreements = 7
        jobs.record(a.id, progress: progress)
        #expect(jobs.job(a.id).map { [$0.records, $0.rejects, $0.disagreements] } == [120, 3, 7])
        #expect(jobs.all.map(\.id) == [1, 2])
    }

    @Test func waitersAreReleasedWhenTheJobEnds() async {
        let jobs = JobRegistry()
        let job = jobs.add(origin: .submitted, name: "/a.jsonl")
        async let ended = jobs.waitForEnd(job.id)
        try? await Task.sleep(for: .milliseconds(50))
        jobs.update(job.id) { $0.state = .done }
        #expect(await ended?.state == .done)
        // A job that has ended answers at once; an unknown one with nil.
        #expect(await jobs.waitForEnd(job.id)?.state == .done)
        #expect(await jobs.waitForEnd(99) == nil)
    }

    @Test func aCancelledWaitReturnsNilAndLeavesTheJobRunning() async {
        let jobs = JobRegistry()
        let job = jobs.add(origin: .submitted, name: "/a.jsonl")
        let waiter = Task { await jobs.waitForEnd(job.id) }
        try? await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        #expect(await waiter.value == nil)
        #expect(jobs.job(job.id)?.state == .running)
    }

    @Test func cancellationRequestsAreRemembered() {
        let jobs = JobRegistry()
        let job = jobs.add(origin: .source, name: "/log.jsonl")
        #expect(!jobs.isCancelled(job.id))
        jobs.requestCancel(job.id)
        #expect(jobs.isCancelled(job.id))
    }
}
