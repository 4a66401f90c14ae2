#if canImport(Glibc)
import Glibc
#endif
import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import ShadowCore

/// Maps what async-http-client reports for a failed request onto the error classes the plain client uses, plus
/// `tls` for a failed handshake.
enum TLSErrorClass {
    /// The bounded class of `error`.
    static func of(_ error: any Error) -> ModelErrorCode {
        switch error {
        case let e as HTTPClientError: return of(e)
        case let e as NIOSSLError:
            // A connection closed without TLS close_notify mid-answer is a reset; everything else is the handshake.
            if case .uncleanShutdown = e { return .reset }
            return .tls
        case is BoringSSLError, is NIOSSLExtraError: return .tls
        case let e as NIOConnectionError:
            if let first = e.connectionErrors.first { return of(first.error) }
            return .refused
        case let e as IOError: return of(errno: e.errnoCode)
        case let e as ChannelError:
            switch e {
            case .connectTimeout: return .timeout
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return .reset
            default: return .failed
            }
        default: return .failed
        }
    }

    static func of(_ e: HTTPClientError) -> ModelErrorCode {
        if e == .deadlineExceeded || e == .readTimeout || e == .writeTimeout || e == .connectTimeout
            || e == .getConnectionFromPoolTimeout || e == .tlsHandshakeTimeout {
            return .timeout
        }
        if e == .remoteConnectionClosed || e == .uncleanShutdown { return .reset }
        return .failed
    }

    static func of(errno code: Int32) -> ModelErrorCode {
        switch code {
        case ECONNREFUSED: return .refused
        case ECONNRESET, EPIPE, ECONNABORTED: return .reset
        case ETIMEDOUT: return .timeout
        default: return .failed
        }
    }

    /// The class of an answer's status line (nil for 2xx).
    static func of(status: UInt) -> ModelErrorCode? {
        switch status {
        case 200..<300: return nil
        case 400..<500: return .http4xx
        case 500..<600: return .http5xx
        default: return .badStatus
        }
    }
}
