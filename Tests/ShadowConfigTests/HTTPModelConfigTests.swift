import ShadowCore
import Testing
@testable import ShadowConfig

@Suite struct HTTPModelConfigTests {
    static func model(_ keys: String) -> String {
        """
        [[models]]
        name = "remote"
        role = "champion"
        kind = "http"
        features = ["a", "b"]
        \(keys)
        """
    }

    static func messages(_ text: String) -> [String] {
        ConfigLoader.check(text, file: "c.toml", baseDirectory: "/etc/shadowd").map(\.description)
    }

    @Test func readsEveryHTTPKey() throws {
        let text = Self.model("""
            url = "http://127.0.0.1:8080"
            protocol = "kserve-v2"
            format = "columns"
            connections = 48
            timeout_ms = 250
            model_name = "iris"
            model_version = "3"
            input_name = "x"
            datatype = "FP32"
            output = "probability"
            headers = { Authorization = "Bearer t" }
            """)
        let settings = try ConfigLoader.parse(text, file: "c.toml", baseDirectory: "/etc/shadowd")
        let m = settings.models[0]
        #expect(m.kind == .http && m.timeoutMs == 250 && m.features == ["a", "b"])
        var expected = HTTPModelSettings(url: "http://127.0.0.1:8080", wire: .kserveV2, format: .columns, connections: 48,
                                         modelName: "iris", modelVersion: "3", inputName: "x", datatype: "FP32",
                                         outputName: "probability", headers: ["Authorization": "Bearer t"])
        expected.classes = nil
        #expect(m.http == expected)
    }

    @Test func defaultsFollowTheProtocol() throws {
        let settings = try ConfigLoader.parse(Self.model(#"url = "http://h:1/x"\#nprotocol = "mlflow""#), file: "c.toml",
                                              baseDirectory: "/")
        #expect(settings.models[0].http?.format == .dataframeSplit)
        #expect(settings.models[0].http?.modelName == "remote")
        #expect(settings.models[0].http?.connections == 16)
    }

    @Test func mistakesNameFileLineAndKey() {
        #expect(Self.messages(Self.model(#"url = "http://h:1"\#nprotocol = "tfserving"\#nformat = "tensor""#))
            == [#"c.toml:8: models[0].format: unknown value "tensor" for protocol "tfserving" (expected one of: row, columnar)"#])
        #expect(Self.messages(Self.model(#"url = "ftp://h"\#nprotocol = "seldon""#))
            == [#"c.toml:6: models[0].url: expected http://host[:port][/path] or https://…, found "ftp://h""#])
        #expect(Self.messages(Self.model(#"url = "https://h:70000"\#nprotocol = "seldon""#))
            == [#"c.toml:6: models[0].url: invalid port in "https://h:70000""#])
        #expect(Self.messages(Self.model(#"url = "http://h:0"\#nprotocol = "seldon""#))
            == [#"c.toml:6: models[0].url: invalid port in "http://h:0""#])
        #expect(Self.messages(Self.model(#"url = "http://h"\#nprotocol = "json""#)) == [
            #"c.toml:1: models[0].request_template: required for protocol "json" (a body with {{features}}, {{object}} or {{id}})"#,
            #"c.toml:1: models[0].output_pointer: required for protocol "json" (a JSON pointer such as "/score")"#,
        ])
        #expect(Self.messages(Self.model(#"url = "http://h"\#nprotocol = "mlflow"\#ndatatype = "FP32""#))
            == [#"c.toml:8: models[0].datatype: only protocol "kserve-v2" takes this key"#])
        #expect(Self.messages(Self.model(#"url = "http://h"\#nprotocol = "mlflow"\#nheaders = { Host = "x" }"#))
            == [#"c.toml:8: models[0].headers.Host: is set by shadowd and cannot be overridden"#])
    }

    @Test func httpKeysOnOtherKindsAreReported() {
        let text = """
            [[models]]
            name = "m"
            role = "champion"
            kind = "xgboost"
            path = "m.json"
            url = "http://h"
            """
        #expect(Self.messages(text) == [#"c.toml:6: models[0].url: only models with kind = "http" take this key"#])
    }

    @Test func missingURLAndProtocolAreReported() {
        #expect(Self.messages(Self.model("")) == [
            #"c.toml:1: models[0].url: required for kind "http" (http://host:port/path)"#,
            #"c.toml:1: models[0].protocol: required for kind "http" (kserve-v2, mlflow, tfserving, seldon or json)"#,
        ])
    }

    /// `fixtures/tls`: `ca.pem` (a throwaway self-signed CA certificate) and `not-pem.txt`.
    static let tlsDirectory = Fixtures.root + "/fixtures/tls"

    @Test func readsTLSKeysForHTTPS() throws {
        let text = Self.model(#"url = "https://h:8443"\#nprotocol = "mlflow"\#nca_file = "ca.pem""#)
        let http = try ConfigLoader.parse(text, file: "c.toml", baseDirectory: Self.tlsDirectory).models[0].http
        #expect(http?.isTLS == true && http?.tlsVerify == true)
        #expect(http?.caFile == Self.tlsDirectory + "/ca.pem")
        let plain = try ConfigLoader.parse(Self.model(#"url = "https://h"\#nprotocol = "mlflow"\#ntls_verify = false"#),
                                           file: "c.toml", baseDirectory: "/").models[0].http
        #expect(plain?.tlsVerify == false && plain?.caFile == nil && plain?.url == "https://h")
    }

    @Test func tlsKeysNeedAnHTTPSURL() {
        #expect(Self.messages(Self.model(#"url = "http://h"\#nprotocol = "mlflow"\#nca_file = "/x/ca.pem""#))
            == [#"c.toml:8: models[0].ca_file: only an https:// url takes this key (url is "http://h")"#])
        #expect(Self.messages(Self.model(#"url = "http://h"\#nprotocol = "mlflow"\#ntls_verify = false"#))
            == [#"c.toml:8: models[0].tls_verify: only an https:// url takes this key (url is "http://h")"#])
        let process = """
            [[models]]
            name = "p"
            role = "champion"
            kind = "process"
            argv = ["./m"]
            features = ["a"]
            tls_verify = true
            """
        #expect(Self.messages(process) == [#"c.toml:7: models[0].tls_verify: only models with kind = "http" take this key"#])
    }

    @Test func badTLSValuesNameLineKeyAndFile() {
        func check(_ keys: String) -> [String] {
            ConfigLoader.check(Self.model(#"url = "https://h"\#nprotocol = "mlflow"\#n"# + keys), file: "c.toml",
                               baseDirectory: Self.tlsDirectory).map(\.description)
        }
        #expect(check(#"tls_verify = "no""#) == ["c.toml:8: models[0].tls_verify: expected a boolean, found a string"])
        #expect(check("ca_file = 3") == ["c.toml:8: models[0].ca_file: expected a string, found an integer"])
        #expect(check(#"ca_file = """#) == ["c.toml:8: models[0].ca_file: must not be empty"])
        let missing = check(#"ca_file = "absent.pem""#)
        #expect(missing.count == 1)
        #expect(missing.first?.hasPrefix(#"c.toml:8: models[0].ca_file: "\#(Self.tlsDirectory)/absent.pem": cannot open the file: No such file"#) == true)
        #expect(check(#"ca_file = "not-pem.txt""#)
            == [#"c.toml:8: models[0].ca_file: "\#(Self.tlsDirectory)/not-pem.txt" holds no PEM certificate (-----BEGIN CERTIFICATE-----)"#])
        #expect(check("ca_file = \"ca.pem\"\ntls_verify = false")
            == ["c.toml:8: models[0].ca_file: has no effect with tls_verify = false (no certificate is checked); drop one"])
    }
}
