/// Why the metrics endpoint could not start: a bounded code and a sentence naming the address.
public struct MetricsServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: String, Sendable, Equatable {
        /// `start()` was called on a server that already started (or stopped).
        case alreadyStarted = "already_started"
        /// The address is taken by another process (EADDRINUSE).
        case addressInUse = "address_in_use"
        /// socket, bind or listen failed for another reason.
        case system
    }

    /// The bounded code.
    public var code: Code
    /// The whole message, e.g. `cannot listen on 127.0.0.1:9464: Address already in use`.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
