import Testing
import ShadowCore
@testable import ShadowConfig

@Suite struct DaemonConfigTests {
    static let base = """
        [[models]]
        name = "c"
        role = "champion"
        kind = "xgboost"
        path = "c.json"

        """

    @Test func daemonDefaultsWhenAbsent() throws {
        let settings = try ConfigLoader.parse(Self.base, file: "d.toml", baseDirectory: "/etc/shadowd")
        #expect(settings.daemon == DaemonSettings())
        #expect(settings.sources.isEmpty)
    }

    @Test func daemonAndSourcesAreRead() throws {
        let text = Self.base + """
            [daemon]
            control_socket = "run/ctl.sock"
            socket_group = ""
            spool = "/var/lib/shadowd/spool"
            poll_ms = 100
            watchdog_test_stall = true

            [[sources]]
            path = "logs/a-*.jsonl"

            [[sources]]
            path = "/data/b.csv"
            follow = false
            """
        let settings = try ConfigLoader.parse(text, file: "d.toml", baseDirectory: "/etc/shadowd")
        #expect(settings.daemon.controlSocket == "/etc/shadowd/run/ctl.sock")
        #expect(settings.daemon.socketGroup == nil)
        #expect(settings.daemon.spool == "/var/lib/shadowd/spool")
        #expect(settings.daemon.pollMs == 100)
        #expect(settings.daemon.watchdogTestStall)
        #expect(settings.sources == [TrafficSourceSettings(path: "/etc/shadowd/logs/a-*.jsonl", follow: true),
                                     TrafficSourceSettings(path: "/data/b.csv", follow: false)])
    }

    @Test(arguments: [
        ("[daemon]\npoll = 5\n", "d.toml:7: daemon.poll: unknown key (did you mean \"poll_ms\"?)"),
        ("[daemon]\npoll_ms = 1\n", "d.toml:7: daemon.poll_ms: must be between 10 and 60000, found 1"),
        ("[[sources]]\nfollow = true\n", "d.toml:6: sources[0].path: required key is missing"),
        ("[[sources]]\npath = \"/a\"\n[[sources]]\npath = \"/a\"\n",
         "d.toml:9: sources[1].path: the source \"/a\" is listed twice"),
    ])
    func invalidDaemonKeysNameLineAndKey(tail: String, message: String) {
        #expect(throws: (any Error).self) {
            _ = try ConfigLoader.parse(Self.base + tail, file: "d.toml", baseDirectory: "/")
        }
        do {
            _ = try ConfigLoader.parse(Self.base + tail, file: "d.toml", baseDirectory: "/")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
