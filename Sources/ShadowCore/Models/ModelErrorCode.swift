/// Why a model gave no answer for a record. Bounded: safe as a metric label and a column value.
public enum ModelErrorCode: String, Sendable, CaseIterable, Error {
    case timeout
    case refused
    case reset
    /// An HTTP status outside 2xx, 4xx and 5xx (1xx, 3xx).
    case badStatus = "bad_status"
    /// An HTTP 4xx answer.
    case http4xx = "http_4xx"
    /// An HTTP 5xx answer.
    case http5xx = "http_5xx"
    case undecodable
    /// An `https://` model whose TLS handshake failed (certificate not trusted, wrong name, protocol mismatch).
    case tls
    case missingFeature = "missing_feature"
    case failed
    /// A `kind = "process"` child died with the record in flight.
    case processDied = "process_died"
    /// A `kind = "process"` child was down (waiting to be restarted) when the record arrived.
    case processDown = "process_down"
}
