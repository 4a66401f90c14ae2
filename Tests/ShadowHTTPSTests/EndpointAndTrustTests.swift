import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import ShadowCore
import ShadowHTTP
import Testing
@testable import ShadowHTTPS

#if canImport(Glibc)
import Glibc
#endif

/// URL parsing, trust settings and the error classes, without a network.
@Suite struct EndpointAndTrustTests {
    @Test func parsesHTTPSURLs() throws {
        let e = try HTTPSEndpoint(url: "https://model.local:8443/v2/models/x/infer")
        #expect(e.origin == "https://model.local:8443" && e.host == "model.local" && e.port == 8443)
        #expect(e.path == "/v2/models/x/infer")
        let d = try HTTPSEndpoint(url: "https://h")
        #expect(d.port == 443 && d.path == "" && d.origin == "https://h")
        #expect(try HTTPSEndpoint(url: "https://[::1]:9443/p").host == "::1")
        #expect(throws: WireError("url must start with https:// (found \"http://h\")")) {
            try HTTPSEndpoint(url: "http://h")
        }
        #expect(throws: WireError("url has an invalid port \"0\"")) { try HTTPSEndpoint(url: "https://h:0") }
        #expect(throws: WireError("url has no host: \"https://:8443\"")) { try HTTPSEndpoint(url: "https://:8443") }
    }

    static func settings(caFile: String? = nil, verify: Bool = true) -> HTTPModelSettings {
        HTTPModelSettings(url: "https://127.0.0.1:1", wire: .mlflow, modelName: "m", caFile: caFile, tlsVerify: verify)
    }

    @Test func trustAddsTheCAFileOrSkipsVerification() throws {
        let tls = try TLSTrust.configuration(Self.settings(caFile: Repo.tls + "/ca.pem"))
        #expect(tls.certificateVerification == .fullVerification)
        guard case .certificates(let certificates)? = tls.additionalTrustRoots.first else {
            Issue.record("ca_file's certificates are not trust roots")
            return
        }
        #expect(certificates.count == 1)
        #expect(try TLSTrust.configuration(Self.settings(verify: false)).certificateVerification == .none)
        #expect(try TLSTrust.configuration(Self.settings()).additionalTrustRoots.isEmpty)
    }

    @Test func anUnusableCAFileNamesTheFile() {
        for name in ["absent.pem", "not-pem.txt"] {
            let path = Repo.tls + "/" + name
            do {
                _ = try TLSTrust.configuration(Self.settings(caFile: path))
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description.hasPrefix("ca_file \"\(path)\": "))
            }
        }
    }

    @Test func errorsMapOntoThePlainClassesPlusTLS() {
        #expect(TLSErrorClass.of(HTTPClientError.deadlineExceeded) == .timeout)
        #expect(TLSErrorClass.of(HTTPClientError.readTimeout) == .timeout)
        #expect(TLSErrorClass.of(HTTPClientError.remoteConnectionClosed) == .reset)
        #expect(TLSErrorClass.of(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == .refused)
        #expect(TLSErrorClass.of(IOError(errnoCode: ECONNRESET, reason: "read")) == .reset)
        #expect(TLSErrorClass.of(NIOSSLError.handshakeFailed(.sslError([]))) == .tls)
        #expect(TLSErrorClass.of(NIOSSLError.uncleanShutdown) == .reset)
        #expect(TLSErrorClass.of(ChannelError.connectTimeout(.seconds(1))) == .timeout)
        #expect(TLSErrorClass.of(status: 200) == nil && TLSErrorClass.of(status: 404) == .http4xx)
        #expect(TLSErrorClass.of(status: 503) == .http5xx && TLSErrorClass.of(status: 302) == .badStatus)
    }
}
