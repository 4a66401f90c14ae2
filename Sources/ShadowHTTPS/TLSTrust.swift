import NIOSSL
import ShadowCore
import ShadowHTTP

/// How an https model checks its server: the system's trust roots, plus `ca_file`'s certificates, or no check at
/// all when `tls_verify = false`.
enum TLSTrust {
    /// The client TLS settings for `http`; the CA file is read here so a bad one fails when the model loads.
    static func configuration(_ http: HTTPModelSettings) throws(WireError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let path = http.caFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw WireError("ca_file \"\(path)\": cannot read PEM certificates (\(error))")
            }
            guard !certificates.isEmpty else { throw WireError("ca_file \"\(path)\": holds no PEM certificate") }
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        if !http.tlsVerify { tls.certificateVerification = .none }
        return tls
    }
}
