/// Why a model gave no answer for a record. Bounded: safe as a metric label and a column value.
public enum ModelErrorCode: String, Sendable, CaseIterable, Error {
    case timeout
    case refused
    case reset
    case badStatus = "bad_status"
    case undecodable
    case missingFeature = "missing_feature"
    case failed
}
