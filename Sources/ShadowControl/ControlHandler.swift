import ShadowCore

/// What the daemon does for control-socket requests. The daemon implements it; tests use an in-memory twin.
public protocol ControlHandler: Sendable {
    /// Starts replaying the file behind `fileDescriptor` (already open, passed by the client; the handler owns it
    /// from now on and closes it). `name` is the client's path for the file, used in rows and messages.
    func submit(fileDescriptor: Int32, name: String) async throws -> JobInfo
    /// Waits until the job ends and returns its final state (with the run summary).
    func wait(job: Int) async throws -> JobInfo
    /// Every job the daemon knows, newest last.
    func jobs() async -> [JobInfo]
    /// Stops a running job after its in-flight records; returns its state.
    func cancel(job: Int) async throws -> JobInfo
    /// The daemon's status.
    func status() async -> DaemonStatus
}

/// One replay the daemon runs: a submitted file, a spool file or a followed source.
public struct JobInfo: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable { case queued, running, following, done, failed, cancelled }
    public enum Origin: String, Sendable, Codable { case submitted, spool, source }

    public var id: Int
    public var run: Int64?
    public var origin: Origin
    public var name: String
    public var state: State
    public var records: Int
    public var rejects: Int
    public var disagreements: Int
    /// Why the job failed, when it did.
    public var error: String?
    /// The run summary, once the job has ended.
    public var summary: RunSummary?

    public init(id: Int, run: Int64?, origin: Origin, name: String, state: State, records: Int = 0, rejects: Int = 0,
                disagreements: Int = 0, error: String? = nil, summary: RunSummary? = nil) {
        self.id = id
        self.run = run
        self.origin = origin
        self.name = name
        self.state = state
        self.records = records
        self.rejects = rejects
        self.disagreements = disagreements
        self.error = error
        self.summary = summary
    }
}

/// The daemon's state as `shadowctl status` shows it.
public struct DaemonStatus: Sendable, Codable, Equatable {
    /// The one-line status also sent to systemd (`STATUS=`).
    public var line: String
    public var pid: Int32
    public var configPath: String
    public var database: String
    public var uptimeSeconds: Double
    public var models: [String]
    public var jobs: [JobInfo]

    public init(line: String, pid: Int32, configPath: String, database: String, uptimeSeconds: Double,
                models: [String], jobs: [JobInfo]) {
        self.line = line
        self.pid = pid
        self.configPath = configPath
        self.database = database
        self.uptimeSeconds = uptimeSeconds
        self.models = models
        self.jobs = jobs
    }
}

/// A control request that failed: a bounded code and a sentence for the person at the terminal.
public struct ControlError: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable { case badRequest = "bad_request", unknownJob = "unknown_job",
                                                  unavailable, failed }
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
