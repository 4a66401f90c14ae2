import ShadowCore

/// Why one line could not become a record (thrown inside the decoders, turned into a `Reject`).
struct LineReject: Error {
    var code: RejectCode
    var reason: String

    init(_ code: RejectCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A reason of the form `field "/path": what`.
    static func field(_ path: String, _ code: RejectCode, _ what: String) -> LineReject {
        LineReject(code, "field \"\(path)\": \(what)")
    }

    /// A reason of the form `column "name": what` (CSV).
    static func column(_ name: String, _ code: RejectCode, _ what: String) -> LineReject {
        LineReject(code, "column \"\(name)\": \(what)")
    }
}
