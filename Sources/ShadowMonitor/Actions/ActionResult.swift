/// What one action did for one trigger (an element of `triggers.actions_json`).
public struct ActionResult: Sendable, Codable, Equatable {
    /// `exec` or `webhook`.
    public var kind: String
    /// The program (exec) or URL (webhook).
    public var target: String
    /// Whether it succeeded (exit 0, or an HTTP 2xx answer).
    public var ok: Bool
    /// Exit status (exec; 128 + signal when killed).
    public var exit: Int?
    /// Captured standard output, truncated (exec).
    public var stdout: String?
    /// Captured standard error, truncated (exec).
    public var stderr: String?
    /// HTTP status of the last attempt (webhook).
    public var httpStatus: Int?
    /// Attempts made.
    public var attempts: Int
    /// Why it failed, when it did.
    public var error: String?
    /// Wall time in milliseconds.
    public var ms: Double

    private enum CodingKeys: String, CodingKey {
        case kind, target, ok, exit, stdout, stderr, httpStatus = "http_status", attempts, error, ms
    }

    /// A result.
    public init(kind: String, target: String, ok: Bool, exit: Int? = nil, stdout: String? = nil, stderr: String? = nil,
                httpStatus: Int? = nil, attempts: Int = 1, error: String? = nil, ms: Double) {
        self.kind = kind
        self.target = target
        self.ok = ok
        self.exit = exit
        self.stdout = stdout
        self.stderr = stderr
        self.httpStatus = httpStatus
        self.attempts = attempts
        self.error = error
        self.ms = ms
    }
}
