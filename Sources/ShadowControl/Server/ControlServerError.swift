/// Why the control server could not start: a bounded code and a message naming the socket path.
public struct ControlServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, safe as a log field.
    public enum Code: String, Sendable, Codable {
        /// Another process is accepting connections on the path.
        case alreadyListening = "already_listening"
        /// The path exists and is not a socket (never replaced).
        case notASocket = "not_a_socket"
        /// `start()` was called on a server that is running or has been stopped.
        case alreadyStarted = "already_started"
        /// A system call failed (missing directory, permissions, descriptors).
        case system
    }

    /// What went wrong.
    public var code: Code
    /// The socket path the error is about.
    public var path: String
    /// A sentence naming the path and the reason.
    public var message: String

    /// Creates an error about `path`.
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
