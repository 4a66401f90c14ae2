import CShadowSys

/// The process at the other end of a control connection, from SO_PEERCRED (for audit logs).
public struct ControlPeer: Sendable, Equatable, CustomStringConvertible {
    /// The client's process id at connect time.
    public var pid: Int32
    /// The client's user id.
    public var uid: UInt32
    /// The client's group id.
    public var gid: UInt32

    /// Creates a peer description.
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The credentials of the peer connected on `fd`, when the kernel reports them.
    init?(socket fd: Int32) {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
        guard shadow_peer_credentials(fd, &pid, &uid, &gid) == 0 else { return nil }
        self.init(pid: pid, uid: uid, gid: gid)
    }

    /// `pid 4242 uid 1000 gid 1000`.
    public var description: String { "pid \(pid) uid \(uid) gid \(gid)" }
}

/// One answered request, reported to the server's observer after the reply is computed (e.g. to log it).
public struct ControlExchange: Sendable {
    /// Who asked (nil if the kernel did not say).
    public var peer: ControlPeer?
    /// The request, or nil when it did not parse.
    public var request: ControlRequest?
    /// What the server answered.
    public var reply: ControlReply
}
