import Testing
import ShadowCore
@testable import ShadowConfig

/// `[metrics]`: off by default, loopback addresses accepted, anything else refused with file, line and key.
@Suite struct MetricsConfigTests {
    static let base = """
        [[models]]
        name = "c"
        role = "champion"
        kind = "xgboost"
        path = "c.json"

        """

    func errors(_ text: String) -> [String] {
        ConfigLoader.check(Self.base + text, file: "m.toml", baseDirectory: "/etc/shadowd").map(\.description)
    }

    @Test func offByDefault() throws {
        let settings = try ConfigLoader.parse(Self.base, file: "m.toml", baseDirectory: "/")
        #expect(settings.metrics == MetricsSettings())
        #expect(settings.metrics.listen == nil && settings.metrics.address == nil)
        let empty = try ConfigLoader.parse(Self.base + "[metrics]\n", file: "m.toml", baseDirectory: "/")
        #expect(empty.metrics.listen == nil)
    }

    @Test(arguments: [
        ("127.0.0.1:9464", "127.0.0.1:9464", MetricsSettings.Address.Family.ipv4),
        ("127.3.2.1:80", "127.3.2.1:80", .ipv4),
        ("localhost:9464", "127.0.0.1:9464", .ipv4),
        ("[::1]:9464", "[::1]:9464", .ipv6),
        ("[0:0:0:0:0:0:0:1]:65535", "[::1]:65535", .ipv6),
    ])
    func loopbackAddressesAreRead(listen: String, parsed: String, family: MetricsSettings.Address.Family) throws {
        let text = Self.base + "[metrics]\nlisten = \"\(listen)\"\n"
        let settings = try ConfigLoader.parse(text, file: "m.toml", baseDirectory: "/")
        #expect(settings.metrics.listen == listen)
        #expect(settings.metrics.address?.description == parsed)
        #expect(settings.metrics.address?.family == family)
        #expect(settings.metrics.address?.isLoopback == true)
    }

    @Test(arguments: [
        ("listen = \"0.0.0.0:9464\"",
         "m.toml:7: metrics.listen: 0.0.0.0 is not a loopback address: metrics are served on 127.0.0.0/8 or [::1] only "
            + "(put a proxy in front to expose them)"),
        ("listen = \"10.1.2.3:9464\"",
         "m.toml:7: metrics.listen: 10.1.2.3 is not a loopback address: metrics are served on 127.0.0.0/8 or [::1] only "
            + "(put a proxy in front to expose them)"),
        ("listen = \"[::]:9464\"",
         "m.toml:7: metrics.listen: [::] is not a loopback address: metrics are served on 127.0.0.0/8 or [::1] only "
            + "(put a proxy in front to expose them)"),
        ("listen = \"127.0.0.1\"",
         "m.toml:7: metrics.listen: expected \"HOST:PORT\" with a loopback host, such as \"127.0.0.1:9464\" or "
            + "\"[::1]:9464\", found \"127.0.0.1\""),
        ("listen = \"127.0.0.1:0\"",
         "m.toml:7: metrics.listen: the port must be an integer from 1 to 65535, found \"127.0.0.1:0\""),
        ("listen = \"127.0.0.1:70000\"",
         "m.toml:7: metrics.listen: the port must be an integer from 1 to 65535, found \"127.0.0.1:70000\""),
        ("listen = \"example.com:9464\"",
         "m.toml:7: metrics.listen: expected \"HOST:PORT\" with a loopback host, such as \"127.0.0.1:9464\" or "
            + "\"[::1]:9464\", found \"example.com:9464\""),
        ("listen = \"::1:9464\"",
         "m.toml:7: metrics.listen: expected \"HOST:PORT\" with a loopback host, such as \"127.0.0.1:9464\" or "
            + "\"[::1]:9464\", found \"::1:9464\""),
        ("listen = 9464", "m.toml:7: metrics.listen: expected a string, found an integer"),
        ("port = 9464", "m.toml:7: metrics.port: unknown key (expected one of: listen)"),
        ("listn = \"127.0.0.1:9464\"", "m.toml:7: metrics.listn: unknown key (did you mean \"listen\"?)"),
    ])
    func invalidValuesNameFileLineAndKey(line: String, message: String) {
        #expect(errors("[metrics]\n" + line + "\n") == [message])
    }

    @Test func metricsMustBeATable() {
        let errors = ConfigLoader.check("metrics = \"127.0.0.1:9464\"\n" + Self.base, file: "m.toml", baseDirectory: "/")
        #expect(errors.map(\.description) == ["m.toml:1: metrics: expected a table, found a string"])
    }

    @Test func addressesParseWithoutTheLoader() {
        #expect(MetricsSettings.Address.parse("127.0.0.1:9464") == .success(.localhost(port: 9464)))
        #expect(MetricsSettings.Address.parse("127.0.0.1:+80") == .failure(.badPort))
        #expect(MetricsSettings.Address.parse("127.1:80") == .failure(.malformed))
        #expect(MetricsSettings.Address.parse("[::1]") == .failure(.badPort))
        #expect(MetricsSettings.Address.parse("[::ffff:127.0.0.1]:80") == .failure(.notLoopback(host: "[::ffff:127.0.0.1]")))
        #expect(MetricsSettings(listen: "0.0.0.0:1").address == nil)
    }
}
