/// A control request that failed on the client's side: no daemon, no permission, an unopenable file, a broken
/// connection. Errors the daemon reports are thrown as `ControlError` instead.
public struct ControlClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, safe as a log field or exit-code selector.
    public enum Code: String, Sendable, Codable {
        /// No socket, or nothing listening on it.
        case notRunning = "not_running"
        /// The socket exists but this user may not connect (not in group shadowd).
        case permissionDenied = "permission_denied"
        /// The file to submit could not be opened by this user, or is not a file.
        case cannotOpen = "cannot_open"
        /// The connection broke before a reply arrived.
        case disconnected
        /// No reply within the client's timeout.
        case timedOut = "timed_out"
        /// The daemon's reply did not follow the protocol (e.g. a different version).
        case protocolMismatch = "protocol_mismatch"
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for the person at the terminal, saying what to do.
    public var message: String

    /// Creates an error with a message for the person at the terminal.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
