/// Why a captured HTTP message cannot be read.
struct HTTPMessageError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
