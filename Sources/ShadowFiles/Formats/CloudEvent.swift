/// One payload-logger CloudEvent (KServe `org.kubeflow.serving.inference.*`, Seldon `io.seldon.serving.inference.*`):
/// a request or a response, keyed by the event id both share.
struct CloudEvent {
    var id: String
    var isResponse: Bool
    /// `time` (or `Ce-Time`) in epoch milliseconds, when present and valid.
    var epochMs: Double?
    /// The inference body.
    var body: FormatJSON

    /// Whether `line` starts an HTTP request (`POST / HTTP/1.1`), i.e. a binary-mode event as a dumper logs it.
    static func isRequestLine(_ line: [UInt8]) -> Bool {
        let text = String(decoding: line.prefix(512), as: UTF8.self)
        let parts = text.split(separator: " ")
        let methods: Set<Substring> = ["POST", "PUT", "GET", "PATCH"]
        return parts.count >= 3 && methods.contains(parts[0]) && parts[2].hasPrefix("HTTP/1")
    }

    /// A binary-mode event: `Ce-*` headers and the body.
    static func parse(http bytes: [UInt8]) -> Result<CloudEvent, LineReject> {
        switch HTTPMessage.parse(bytes[...]) {
        case .failure(let error): return .failure(LineReject(.malformedJSON, "cloudevent: \(error.reason)"))
        case .success(let message):
            guard let id = message.header("ce-id"), !id.isEmpty else {
                return .failure(.field("Ce-Id", .missingField, "missing (request and response are paired by it)"))
            }
            guard let type = message.header("ce-type") else { return .failure(.field("Ce-Type", .missingField, "missing")) }
            let body: FormatJSON
            switch FormatJSON.parse(message.body) {
            case .failure(let reject): return .failure(reject)
            case .success(let value): body = value
            }
            return event(id: id, type: type, time: message.header("ce-time"), body: body)
        }
    }

    /// A structured-mode event: one JSON object with `id`, `type`, `time` and `data` (an object or JSON text).
    static func parse(structured bytes: [UInt8]) -> Result<CloudEvent, LineReject> {
        let root: FormatJSON
        switch FormatJSON.parse(bytes, what: "line") {
        case .failure(let reject): return .failure(reject)
        case .success(let value): root = value
        }
        guard case .object = root else { return .failure(LineReject(.wrongType, "line: expected a CloudEvent object")) }
        guard let id = root["id"]?.string ?? root["id"]?.number.map({ String(Int64($0)) }) else {
            return .failure(.field("/id", .missingField, "missing (request and response are paired by it)"))
        }
        guard let type = root["type"]?.string else { return .failure(.field("/type", .missingField, "missing")) }
        guard var data = root["data"] else { return .failure(.field("/data", .missingField, "missing")) }
        if let text = data.string {
            switch FormatJSON.parse(Array(text.utf8)) {
            case .failure(let reject): return .failure(.field("/data", reject.code, reject.reason))
            case .success(let value): data = value
            }
        }
        return event(id: id, type: type, time: root["time"]?.string, body: data)
    }

    private static func event(id: String, type: String, time: String?, body: FormatJSON) -> Result<CloudEvent, LineReject> {
        let isResponse: Bool
        if type.hasSuffix(".response") {
            isResponse = true
        } else if type.hasSuffix(".request") {
            isResponse = false
        } else {
            return .failure(.field("type", .wrongType, "\"\(type.prefix(80))\" is neither a .request nor a .response event"))
        }
        var epochMs: Double?
        if let time {
            let utf8 = Array(time.utf8)
            epochMs = utf8.withUnsafeBufferPointer { ISO8601.epochMilliseconds($0) }
            if epochMs == nil { return .failure(.field("time", .badTimestamp, "\"\(time.prefix(40))\" is not ISO-8601")) }
        }
        return .success(CloudEvent(id: id, isResponse: isResponse, epochMs: epochMs, body: body))
    }
}
