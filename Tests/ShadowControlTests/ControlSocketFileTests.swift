import CShadowSys
import Glibc
import Testing
@testable import ShadowControl

@Suite struct ControlSocketFileTests {
    @Test func socketHasMode0660AndGroup() throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let server = ControlServer(path: scratch.socket, group: "root", handler: MemoryControlHandler())
        try server.start()
        defer { server.stop() }
        var info = stat()
        #expect(lstat(scratch.socket, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o7777 == 0o660)
        #expect(info.st_gid == 0)
    }

    @Test func missingGroupIsSkipped() throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let server = ControlServer(path: scratch.socket, mode: 0o600, group: "no-such-group-shadowd-test",
                                   handler: MemoryControlHandler())
        try server.start()
        defer { server.stop() }
        var info = stat()
        #expect(lstat(scratch.socket, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o600)
    }

    @Test func staleSocketIsReplaced() async throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let stale = shadow_unix_stream_socket()
        #expect(shadow_unix_bind(stale, scratch.socket) == 0)
        close(stale)  // the file stays; nothing listens
        let server = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        try server.start()
        defer { server.stop() }
        let client = ControlClient(path: scratch.socket, timeout: .seconds(30))
        #expect(try await onThread { try client.jobs() }.isEmpty)
    }

    @Test func liveSocketIsNotReplaced() async throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let first = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        try first.start()
        defer { first.stop() }
        let second = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        #expect(throws: ControlServerError(.alreadyListening, path: scratch.socket,
            "another process is already listening on \(scratch.socket) (is shadowd already running?)")) {
            try second.start()
        }
        second.stop()  // must not remove the first server's socket
        let client = ControlClient(path: scratch.socket, timeout: .seconds(30))
        #expect(try await onThread { try client.jobs() }.isEmpty)
    }

    @Test func regularFileIsNeverReplaced() {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.file("control.sock", "not a socket")
        let server = ControlServer(path: path, group: nil, handler: MemoryControlHandler())
        #expect(throws: ControlServerError(.notASocket, path: path,
            "\(path) exists and is not a socket; move it away or choose another control path")) {
            try server.start()
        }
        #expect(access(path, F_OK) == 0)
    }

    @Test func missingDirectoryIsNamed() {
        let path = "/tmp/shadowctl-test-missing-dir/sub/control.sock"
        let server = ControlServer(path: path, group: nil, handler: MemoryControlHandler())
        #expect(throws: ControlServerError(.system, path: path, "cannot create the control socket \(path): the "
            + "directory /tmp/shadowctl-test-missing-dir/sub does not exist (systemd's RuntimeDirectory=shadowd creates it)")) {
            try server.start()
        }
    }

    @Test func serverStartsOnce() throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let server = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        try server.start()
        server.stop()
        #expect(throws: ControlServerError.self) { try server.start() }
    }
}
