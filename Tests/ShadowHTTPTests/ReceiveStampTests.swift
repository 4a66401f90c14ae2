#if canImport(Glibc)
import Glibc
#endif
import CShadowNet
import ShadowCore
import Testing

/// The kernel's receive stamp on a real loopback TCP connection: it tells when the bytes arrived, not when they
/// were read, so a client that wakes late does not add its own delay to the model's latency.
@Suite struct ReceiveStampTests {
    @Test func theStampIsTheArrivalNotTheRead() throws {
        var port: Int32 = 0
        let listener = shadow_tcp_listen("127.0.0.1", 0, 4, &port)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = [UInt8](repeating: 0, count: 128)
        var length: UInt32 = 0
        try #require(shadow_resolve("127.0.0.1", port, &address, &length) == 0)
        let client = shadow_tcp_connect(address, length)
        try #require(client >= 0)
        defer { close(client) }
        var server: Int32 = -1
        for _ in 0..<200 where server < 0 {
            server = shadow_tcp_accept(listener)
            if server < 0 { usleep(1000) }
        }
        try #require(server >= 0)
        defer { close(server) }

        // The kernel turns receive timestamps on for the whole host only after a socket asks (deferred work), and off
        // again after the last one closes: until a byte comes back stamped, a packet can arrive without a stamp. The
        // read path then falls back to the read time; this test is about stamped packets, so it waits for them.
        var buffer = [UInt8](repeating: 0, count: 256)
        var stamp: UInt64 = 0
        for _ in 0..<200 where stamp == 0 {
            #expect(shadow_send(server, [0x2E], 1) == 1)
            usleep(2000)
            #expect(shadow_recv_stamped(client, &buffer, buffer.count, &stamp) == 1)
        }
        try #require(stamp != 0, "the kernel never stamped a received packet")

        let answer = Array("HTTP/1.1 200 OK\r\n\r\n".utf8)
        let before = MonotonicClock.nanos()
        #expect(shadow_send(server, answer, answer.count) == answer.count)
        let after = MonotonicClock.nanos()
        usleep(30_000)  // the reader wakes 30 ms late
        stamp = 0
        let n = shadow_recv_stamped(client, &buffer, buffer.count, &stamp)
        let read = MonotonicClock.nanos()
        #expect(n == answer.count)
        #expect(Array(buffer[0..<max(0, n)]) == answer)
        #expect(stamp >= before)
        #expect(stamp <= after + 10_000_000)
        #expect(read - stamp >= 20_000_000)
    }
}
