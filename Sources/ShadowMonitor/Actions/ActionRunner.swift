import FoundationEssentials
import ShadowCore
import ShadowSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs the configured actions of one trigger, in config order, off the replay's task.
struct ActionRunner: Sendable {
    /// The `[[drift.actions]]` entries.
    let actions: [DriftSettings.Action]

    /// The actions that run for a level.
    func matching(_ level: DriftSettings.Level) -> [DriftSettings.Action] {
        actions.filter { $0.on.contains(level) }
    }

    /// Runs every matching action and returns their results.
    func run(_ event: TriggerEvent) async -> [ActionResult] {
        var results: [ActionResult] = []
        for action in matching(event.level) {
            switch action.kind {
            case .exec: results.append(await exec(action, event))
            case .webhook: results.append(await webhook(action, event))
            }
        }
        return results
    }

    /// The hook's environment: `SHADOWD_*` of the trigger, and PATH.
    static func environment(_ event: TriggerEvent) -> [String: String] {
        var env: [String: String] = [:]
        for (k, v) in MonitorJournal.fields(event) { env["SHADOWD_" + k.uppercased()] = v }
        env["PATH"] = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        return env
    }

    private func exec(_ action: DriftSettings.Action, _ event: TriggerEvent) async -> ActionResult {
        let argv = action.argv, env = Self.environment(event), timeout = action.timeoutMs
        return await BlockingThread.run { ExecHook.run(argv: argv, environment: env, timeoutMs: timeout) }
    }

    private func webhook(_ action: DriftSettings.Action, _ event: TriggerEvent) async -> ActionResult {
        let url = action.url ?? ""
        let started = ExecHook.now()
        guard let target = Webhook.Target(url) else {
            return ActionResult(kind: "webhook", target: url, ok: false, attempts: 0,
                                error: "only http://host[:port]/path URLs are supported", ms: 0)
        }
        let body = (try? JSONEncoder().encode(WebhookPayload(event))).map { Array($0) } ?? []
        var attempts = 0
        var status: Int?
        var failure: String?
        let timeout = action.timeoutMs
        while attempts <= action.retries {
            if attempts > 0 {
                // Backoff: 100 ms, 200 ms, 400 ms, … capped at 5 s.
                try? await Task.sleep(for: .milliseconds(min(5_000, 100 << min(attempts - 1, 6))))
            }
            attempts += 1
            switch await BlockingThread.run({ Webhook.post(target, body: body, timeoutMs: timeout) }) {
            case .success(let code):
                status = code
                if (200..<300).contains(code) {
                    return ActionResult(kind: "webhook", target: url, ok: true, httpStatus: code, attempts: attempts,
                                        ms: (ExecHook.now() - started) * 1000)
                }
                failure = "HTTP status \(code)"
            case .failure(let error):
                failure = error.message
            }
        }
        return ActionResult(kind: "webhook", target: url, ok: false, httpStatus: status, attempts: attempts,
                            error: failure, ms: (ExecHook.now() - started) * 1000)
    }
}

/// The JSON body a webhook receives.
struct WebhookPayload: Codable, Sendable {
    var event: String
    var run: Int64
    var rule: String
    var level: String
    var signal: String
    var feature: String?
    var statistic: String
    var value: Double?
    var threshold: Double?
    var window: Int
    var at: String?
    var model: String

    init(_ e: TriggerEvent) {
        event = e.level == .warn ? "drift-warning" : e.level == .alert ? "drift-alert" : "retrain-triggered"
        run = e.run
        rule = e.rule
        level = e.level.rawValue
        signal = e.signal
        feature = e.feature
        statistic = e.statistic
        value = e.value.isFinite ? e.value : nil
        threshold = e.threshold.isFinite ? e.threshold : nil
        window = e.window
        at = e.atMs.flatMap { ISO8601Millis.string(epochMs: $0) }
        model = e.model
    }
}
