/// The keys of a `kind = "process"` model: the child's command line, environment, folder and pipelining depth.
public struct ProcessModelSettings: Sendable, Equatable {
    /// Program and arguments, run directly (never through a shell); a relative program path with a "/" is
    /// resolved against `directory`, a bare name is looked up in `PATH`.
    public var argv: [String]
    /// Variables added to (or replacing those in) shadowd's own environment.
    public var env: [String: String]
    /// The child's working directory: the config file's folder, so `["python3", "model.py"]` finds its script.
    public var directory: String
    /// Requests written to the child before its answers are read, at most.
    public var maxInFlight: Int
    /// Values per answer for multiclass comparisons (nil: the comparison's width).
    public var classes: Int?
    /// Longest answer line read from the child, in bytes: a longer one (or one that never ends) fails the records
    /// in flight as `undecodable` and the child is killed and restarted with the usual backoff.
    public var maxLineBytes: Int

    /// The default `max_line_bytes`: 16 MiB.
    public static let defaultMaxLineBytes = 16 << 20

    /// Settings with a pipelining depth of 64 and a 16 MiB answer line limit by default.
    public init(argv: [String], env: [String: String] = [:], directory: String, maxInFlight: Int = 64,
                classes: Int? = nil, maxLineBytes: Int = ProcessModelSettings.defaultMaxLineBytes) {
        self.argv = argv
        self.env = env
        self.directory = directory
        self.maxInFlight = maxInFlight
        self.classes = classes
        self.maxLineBytes = maxLineBytes
    }
}
