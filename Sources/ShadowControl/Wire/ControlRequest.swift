import FoundationEssentials

/// One request a client sends over the control socket.
public enum ControlRequest: Sendable, Equatable {
    /// Replay the file whose descriptor travels with the request; `name` is the client's absolute path for it.
    case submit(name: String)
    /// Wait for a job to end.
    case wait(job: Int)
    /// List every job.
    case jobs
    /// Cancel a job.
    case cancel(job: Int)
    /// The daemon's status.
    case status

    /// The `"op"` value on the wire.
    public var op: String {
        switch self {
        case .submit: "submit"
        case .wait: "wait"
        case .jobs: "jobs"
        case .cancel: "cancel"
        case .status: "status"
        }
    }

    /// The longest `name` accepted (PATH_MAX).
    static let maxNameBytes = 4096

    private struct Wire: Codable {
        var v: Int?
        var op: String?
        var name: String?
        var job: Int?
    }

    /// The request as one JSON line.
    func encodedLine() throws -> [UInt8] {
        var wire = Wire(v: ControlWire.version, op: op)
        switch self {
        case .submit(let name): wire.name = name
        case .wait(let job), .cancel(let job): wire.job = job
        case .jobs, .status: break
        }
        return try ControlWire.line(wire)
    }

    /// Parses one JSON line; every failure is a `bad_request` error saying what is wrong.
    static func decode(_ line: [UInt8]) -> Result<ControlRequest, ControlError> {
        let wire: Wire
        do {
            wire = try ControlWire.decoder().decode(Wire.self, from: Data(line))
        } catch {
            return .failure(bad("request is \(ControlWire.explain(error)); send one JSON object per line"))
        }
        guard let version = wire.v else {
            return .failure(bad("request has no \"v\" (protocol version); this shadowd speaks v\(ControlWire.version)"))
        }
        guard version == ControlWire.version else {
            return .failure(bad("unsupported protocol version \(version); this shadowd speaks v\(ControlWire.version)"))
        }
        guard let op = wire.op else { return .failure(bad("request has no \"op\"")) }
        switch op {
        case "submit":
            guard let name = wire.name, !name.isEmpty else { return .failure(bad("submit needs \"name\"")) }
            guard name.utf8.count <= maxNameBytes, !name.utf8.contains(0) else {
                return .failure(bad("submit \"name\" must be a path of at most \(maxNameBytes) bytes"))
            }
            return .success(.submit(name: name))
        case "wait", "cancel":
            guard let job = wire.job else { return .failure(bad("\(op) needs \"job\" (an integer)")) }
            return .success(op == "wait" ? .wait(job: job) : .cancel(job: job))
        case "jobs": return .success(.jobs)
        case "status": return .success(.status)
        default:
            let shown = op.count > 40 ? String(op.prefix(40)) + "…" : op
            return .failure(bad("unknown op \"\(shown)\" (expected submit, wait, jobs, cancel or status)"))
        }
    }

    private static func bad(_ message: String) -> ControlError { ControlError(.badRequest, message) }
}
