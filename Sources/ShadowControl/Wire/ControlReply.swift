import FoundationEssentials

/// One reply the daemon sends: a job, a job list, a status, or an error.
public enum ControlReply: Sendable, Equatable {
    /// `{"ok":true,"job":{…}}` for submit, wait and cancel.
    case job(JobInfo)
    /// `{"ok":true,"jobs":[…]}`.
    case jobs([JobInfo])
    /// `{"ok":true,"status":{…}}`.
    case status(DaemonStatus)
    /// `{"ok":false,"error":{"code":…,"message":…}}`.
    case failure(ControlError)

    private struct Wire: Codable {
        var v: Int
        var ok: Bool
        var job: JobInfo?
        var jobs: [JobInfo]?
        var status: DaemonStatus?
        var error: ControlError?
    }

    /// The reply as one JSON line; a value that cannot be encoded becomes a `failed` error reply.
    func encodedLine() -> [UInt8] {
        var wire = Wire(v: ControlWire.version, ok: true)
        switch self {
        case .job(let job): wire.job = job
        case .jobs(let jobs): wire.jobs = jobs
        case .status(let status): wire.status = status
        case .failure(let error):
            wire.ok = false
            wire.error = error
        }
        if let line = try? ControlWire.line(wire) { return line }
        let fallback = Wire(v: ControlWire.version, ok: false,
                            error: ControlError(.failed, "shadowd could not encode its reply"))
        return (try? ControlWire.line(fallback)) ?? Array(#"{"ok":false,"v":1}"#.utf8) + [UInt8(ascii: "\n")]
    }

    /// Parses one reply line, or says why it is not a valid reply.
    static func decode(_ line: [UInt8]) -> Result<ControlReply, ProtocolViolation> {
        let wire: Wire
        do {
            wire = try ControlWire.decoder().decode(Wire.self, from: Data(line))
        } catch {
            return .failure(ProtocolViolation(message: "reply is \(ControlWire.explain(error))"))
        }
        guard wire.v == ControlWire.version else {
            return .failure(ProtocolViolation(
                message: "shadowd speaks protocol v\(wire.v), this shadowctl v\(ControlWire.version); use matching versions"))
        }
        if !wire.ok {
            return .success(.failure(wire.error ?? ControlError(.failed, "shadowd reported an error without details")))
        }
        if let job = wire.job { return .success(.job(job)) }
        if let jobs = wire.jobs { return .success(.jobs(jobs)) }
        if let status = wire.status { return .success(.status(status)) }
        return .failure(ProtocolViolation(message: "reply has neither job, jobs nor status"))
    }

    /// A reply that does not follow the protocol.
    struct ProtocolViolation: Error, Sendable {
        var message: String
    }
}
