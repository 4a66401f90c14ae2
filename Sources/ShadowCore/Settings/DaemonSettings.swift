/// `[daemon]`: how `shadowd` serves — its control socket, spool folder, polling and status.
public struct DaemonSettings: Sendable, Equatable {
    /// The control socket `shadowctl` talks to.
    public var controlSocket: String
    /// Group given to the control socket (mode 0660), so its members may use `shadowctl`; nil leaves it as is.
    public var socketGroup: String?
    /// A folder whose files are replayed once each, then moved to `done/` or `failed/`; nil for none.
    public var spool: String?
    /// How often followed files and the spool folder are checked for new data, in milliseconds.
    public var pollMs: Int
    /// How often the systemd status line is refreshed, in milliseconds.
    public var statusIntervalMs: Int
    /// Test only: the work loop stops pinging the watchdog, as a hung pipeline would.
    public var watchdogTestStall: Bool

    public init(controlSocket: String = "/run/shadowd/control.sock", socketGroup: String? = "shadowd",
                spool: String? = nil, pollMs: Int = 250, statusIntervalMs: Int = 2000, watchdogTestStall: Bool = false) {
        self.controlSocket = controlSocket
        self.socketGroup = socketGroup
        self.spool = spool
        self.pollMs = pollMs
        self.statusIntervalMs = statusIntervalMs
        self.watchdogTestStall = watchdogTestStall
    }
}

/// One `[[sources]]` entry: traffic files the daemon replays by itself.
public struct TrafficSourceSettings: Sendable, Equatable {
    /// A file path or a glob (`*`, `?`, `[…]` in the last path component).
    public var path: String
    /// Keep reading as the file grows and follow rotation (`tail -F`); false reads each file once.
    public var follow: Bool

    public init(path: String, follow: Bool = true) {
        self.path = path
        self.follow = follow
    }
}
