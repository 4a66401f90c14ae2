import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The `shadowctl` end of the control socket: blocking calls, one request at a time over a kept-open connection.
///
/// Calls block the calling thread (a `wait` for as long as the job runs); requests from one client are serialised,
/// so use one client per concurrent caller. Daemon errors are thrown as `ControlError`, local ones as
/// `ControlClientError`.
public final class ControlClient: Sendable {
    /// The socket path.
    public let path: String
    /// How long to wait for a reply to anything but `wait` before giving up.
    public let timeout: Duration
    private let connection = Mutex<ClientConnection?>(nil)

    /// A client for the daemon at `path` (default `/run/shadowd/control.sock`); connects on the first request.
    public init(path: String = "/run/shadowd/control.sock", timeout: Duration = .seconds(30)) {
        self.path = path
        self.timeout = timeout
    }

    deinit { connection.withLock { $0?.close() } }

    /// Opens `path` as this user (O_RDONLY|O_CLOEXEC), hands the descriptor to the daemon and closes this copy.
    /// The job's name is the absolute path. A file this user cannot open fails here, before the daemon is asked.
    public func submit(path file: String) throws -> JobInfo {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ControlClientError(.cannotOpen, "cannot open \(file): \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw ControlClientError(.cannotOpen, "cannot submit \(file): it is a directory; give a traffic file")
        }
        return try submit(fileDescriptor: fd, name: Self.absolute(file))
    }

    /// Hands an already open descriptor (e.g. standard input) to the daemon under `name`; the caller keeps and
    /// closes its own descriptor.
    public func submit(fileDescriptor: Int32, name: String) throws -> JobInfo {
        try job(from: exchange(.submit(name: name), attaching: fileDescriptor))
    }

    /// Blocks until the job ends and returns its final state with the run summary.
    public func wait(job: Int) throws -> JobInfo {
        try self.job(from: exchange(.wait(job: job), waitsForever: true))
    }

    /// Every job the daemon knows, newest last.
    public func jobs() throws -> [JobInfo] {
        let reply = try exchange(.jobs)
        guard case .jobs(let jobs) = reply else { throw mismatch(reply, expected: "jobs") }
        return jobs
    }

    /// Cancels a job and returns its state.
    public func cancel(job: Int) throws -> JobInfo {
        try self.job(from: exchange(.cancel(job: job)))
    }

    /// The daemon's status.
    public func status() throws -> DaemonStatus {
        let reply = try exchange(.status)
        guard case .status(let status) = reply else { throw mismatch(reply, expected: "status") }
        return status
    }

    /// Closes the connection (the next request opens a new one).
    public func close() {
        connection.withLock { connection in
            connection?.close()
            connection = nil
        }
    }

    private func job(from reply: ControlReply) throws -> JobInfo {
        guard case .job(let job) = reply else { throw mismatch(reply, expected: "job") }
        return job
    }

    private func mismatch(_ reply: ControlReply, expected: String) -> ControlClientError {
        ControlClientError(.protocolMismatch, "shadowd answered with something other than a \(expected)")
    }

    /// Sends one request and reads its reply; daemon errors are thrown as `ControlError`.
    private func exchange(_ request: ControlRequest, attaching descriptor: Int32? = nil,
                          waitsForever: Bool = false) throws -> ControlReply
    {
        let limit = waitsForever ? nil : ContinuousClock.now.advanced(by: timeout)
        let line = try request.encodedLine()
        let reply = try connection.withLock { connection throws -> ControlReply in
            let reused = connection != nil
            if connection == nil { connection = try ClientConnection(path: path) }
            do {
                do {
                    try connection!.send(line, attaching: descriptor)
                } catch let error as ControlClientError where reused && error.code == .disconnected {
                    // The daemon restarted since the last request: the old connection is dead, nothing was sent.
                    connection!.close()
                    connection = try ClientConnection(path: path)
                    try connection!.send(line, attaching: descriptor)
                }
                return try connection!.receive(until: limit)
            } catch {
                connection?.close()
                connection = nil
                throw error
            }
        }
        if case .failure(let error) = reply { throw error }
        return reply
    }

    /// `file` made absolute against the current directory (not resolving links: the name is for people).
    static func absolute(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return file }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var relative = Substring(file)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2).drop { $0 == "/" } }
        return directory == "/" ? "/" + relative : directory + "/" + relative
    }
}
