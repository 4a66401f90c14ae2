import Foundation
import Testing
import ShadowCore
import ShadowSQLite
@testable import ShadowMonitor

/// The monitor with a real store: rows, state across a restart, and the exec action's result on the trigger row.
@Suite struct DriftMonitorTests {
    static func temporaryDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func settings(_ drift: DriftSettings) -> ShadowSettings {
        ShadowSettings(models: [ModelSettings(name: "champion", role: .champion, kind: .linear, path: "m.json")], drift: drift)
    }

    static func open(_ path: String) throws -> (SQLiteStore, Int64) {
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let run = try store.beginRun(RunInfo(startedAtMs: 0, configPath: "t.toml", inputs: ["t"], models: []))
        return (store, run)
    }

    static func query(_ path: String, _ sql: String) throws -> [[SQLiteValue]] {
        let db = try SQLiteDatabase.openShadowReader(path: path)
        defer { db.close() }
        return try db.query(sql) { s in (0..<s.columnCount).map { s.value(at: $0) } }
    }

    @Test func stateSurvivesARestartMidRun() async throws {
        let rows = DriftStreams.rows("gauss_mean_shift")
        var drift = RunMonitorTests.settings()
        drift.statistics = [.ks]
        // Batches of one step: every batch closes a window, so every batch's state is persisted.
        var plain = RunMonitor(run: 1, plan: MonitorPlan(drift), compare: CompareSettings())
        let expected = DriftStreams.batches(rows, run: 1, size: 250).flatMap { plain.observe($0) }.flatMap(\.triggers)
        let alert = try #require(expected.first { $0.level == .alert })

        let path = Self.temporaryDirectory() + "/m.db"
        let (first, run) = try Self.open(path)
        let batches = DriftStreams.batches(rows, run: run, size: 250)
        let monitor = try DriftMonitor(settings: Self.settings(drift), store: first)
        // Restart right after the alert: a monitor that forgot its latch would alert again in the next window.
        let cut = 23 + alert.window
        for batch in batches[..<cut] { await monitor.observe(batch) }
        await monitor.finish()
        first.close()

        let second = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let resumed = try DriftMonitor(settings: Self.settings(drift), store: second)
        for batch in batches[cut...] { await resumed.observe(batch) }
        await resumed.finish()
        second.close()

        let stored = try Self.query(path, "SELECT rule, level, window, value FROM triggers ORDER BY id")
        #expect(stored.map { [$0[0].stringValue!, $0[1].stringValue!, String($0[2].intValue!)] }
                == expected.map { [$0.rule, $0.level.rawValue, String($0.window)] })
        #expect(stored.map { $0[3].doubleValue! } == expected.map(\.value))
        let parts = try Self.query(path, "SELECT part FROM monitor_state ORDER BY part").map { $0[0].stringValue! }
        #expect(parts == ["live", "reference"])
        let windows = try Self.query(path, "SELECT count(DISTINCT window), max(window) FROM drift")[0]
        #expect(windows[0] == windows[1] && windows[0].intValue! == (20_000 - 6_000) / 250 + 1)
    }

    @Test func execHookGetsTheEnvironmentAndItsExitStatusIsStored() async throws {
        let dir = Self.temporaryDirectory()
        var drift = RunMonitorTests.settings()
        drift.statistics = [.ks]
        drift.actions = [DriftSettings.Action(on: [.alert], kind: .exec,
                                              argv: ["/bin/sh", "-c", "env > \"$0\"; echo out; echo err >&2; exit 3",
                                                     dir + "/env.txt"], timeoutMs: 5_000)]
        let (store, run) = try Self.open(dir + "/m.db")
        let monitor = try DriftMonitor(settings: Self.settings(drift), store: store)
        for batch in DriftStreams.batches(DriftStreams.rows("gauss_mean_shift"), run: run) { await monitor.observe(batch) }
        await monitor.finish()
        store.close()
        let env = try String(contentsOfFile: dir + "/env.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(env.contains("SHADOWD_RULE=features"))
        #expect(env.contains("SHADOWD_LEVEL=alert"))
        #expect(env.contains("SHADOWD_SIGNAL=ks_pvalue:x0"))
        #expect(env.contains("SHADOWD_RUN=\(run)"))
        #expect(env.contains { $0.hasPrefix("PATH=") })
        #expect(!env.contains { $0.hasPrefix("HOME=") })
        let row = try Self.query(dir + "/m.db", "SELECT hook_exit, actions_json FROM triggers WHERE level = 'alert'")
        #expect(row.count == 1 && row.first?[0] == .integer(3))
        let results = try JSONDecoder().decode([ActionResult].self, from: Data(row[0][1].stringValue!.utf8))
        #expect(results.count == 1 && results[0].stdout == "out\n" && results[0].stderr == "err\n")
        #expect(results[0].ok == false && results[0].error == "exit status 3")
    }

    @Test func execHookIsKilledAtItsTimeout() {
        let result = ExecHook.run(argv: ["/bin/sleep", "5"], environment: ["PATH": "/usr/bin:/bin"], timeoutMs: 200)
        #expect(result.exit == 128 + 9 && !result.ok && result.error == "timed out after 200 ms")
        #expect(result.ms < 2_000)
        let missing = ExecHook.run(argv: ["/nonexistent/hook"], environment: [:], timeoutMs: 200)
        #expect(!missing.ok && missing.error?.hasPrefix("cannot start /nonexistent/hook") == true)
    }
}
