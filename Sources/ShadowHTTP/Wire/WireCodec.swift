import ShadowCore

/// Encodes one record as a request body in a model server's wire protocol and reads its answer back.
///
/// Everything that does not depend on the record (names, prefixes, pointer tokens) is rendered once here.
public struct WireCodec: Sendable {
    /// The model's settings this codec follows.
    public let settings: HTTPModelSettings
    /// The model's inputs, in the order the server expects them.
    public let featureNames: [String]
    /// Values per answer row.
    public let width: Int
    /// The request path (from the URL, else the protocol's usual path).
    public let path: String

    /// `"name":` for each feature, JSON-escaped.
    let keyPrefixes: [[UInt8]]
    /// `["a","b",…]` for protocols that send the column names.
    let namesArray: [UInt8]
    /// Template segments for `json`: literal bytes, then a placeholder, alternating.
    let template: [TemplatePart]
    /// Pointer tokens to the output value.
    let outputTokens: [[UInt8]]

    enum TemplatePart: Sendable { case literal([UInt8]), features, object, id }

    /// A codec for a model reading `featureNames`, answering `width` values per record; `urlPath` is the URL's path
    /// ("" or "/" to use the protocol's default).
    public init(settings: HTTPModelSettings, featureNames: [String], width: Int, urlPath: String) throws(WireError) {
        self.settings = settings
        self.featureNames = featureNames
        self.width = width
        self.path = urlPath.isEmpty || urlPath == "/" ? Self.defaultPath(settings) : urlPath
        keyPrefixes = featureNames.map { name in
            var out: [UInt8] = []
            JSONNumber.appendString(name, to: &out)
            out.append(UInt8(ascii: ":"))
            return out
        }
        var names: [UInt8] = [UInt8(ascii: "[")]
        for (i, name) in featureNames.enumerated() {
            if i > 0 { names.append(UInt8(ascii: ",")) }
            JSONNumber.appendString(name, to: &names)
        }
        names.append(UInt8(ascii: "]"))
        namesArray = names
        if settings.wire == .json {
            guard let text = settings.requestTemplate else { throw WireError("json protocol needs request_template") }
            template = try Self.parseTemplate(text)
            guard let pointer = settings.outputPointer else { throw WireError("json protocol needs output_pointer") }
            outputTokens = try Self.pointerTokens(pointer)
        } else {
            template = []
            outputTokens = []
        }
    }

    /// The usual request path of each protocol.
    public static func defaultPath(_ settings: HTTPModelSettings) -> String {
        switch settings.wire {
        case .kserveV2:
            let version = settings.modelVersion.map { "/versions/\($0)" } ?? ""
            return "/v2/models/\(settings.modelName)\(version)/infer"
        case .mlflow: return "/invocations"
        case .tfserving: return "/v1/models/\(settings.modelName):predict"
        case .seldon: return "/api/v1.0/predictions"
        case .json: return "/predict"
        }
    }

    static func parseTemplate(_ text: String) throws(WireError) -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var literal: [UInt8] = []
        var rest = Substring(text)
        var placeholders = 0
        while let open = rest.firstRange(of: "{{") {
            literal += Array(rest[rest.startIndex..<open.lowerBound].utf8)
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw WireError("request_template has \"{{\" without \"}}\"")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces
            let part: TemplatePart
            switch name {
            case "features": part = .features
            case "object": part = .object
            case "id": part = .id
            default:
                throw WireError("request_template placeholder {{\(name)}} is unknown (use {{features}}, {{object}} "
                    + "or {{id}})")
            }
            parts.append(.literal(literal))
            literal = []
            parts.append(part)
            placeholders += 1
            rest = rest[close.upperBound...]
        }
        literal += Array(rest.utf8)
        parts.append(.literal(literal))
        guard placeholders > 0 else {
            throw WireError("request_template has no {{features}} or {{object}} placeholder")
        }
        return parts
    }

    /// Splits an RFC 6901 pointer into unescaped tokens.
    public static func pointerTokens(_ pointer: String) throws(WireError) -> [[UInt8]] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw WireError("output_pointer must start with \"/\"") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            Array(token.replacingTilde.utf8)
        }
    }
}

/// A codec that cannot be built from its settings.
public struct WireError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the setting.
    public var description: String
    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    var replacingTilde: String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            let c = self[i]
            let next = index(after: i)
            if c == "~", next < endIndex, self[next] == "1" { out.append("/"); i = index(after: next); continue }
            if c == "~", next < endIndex, self[next] == "0" { out.append("~"); i = index(after: next); continue }
            out.append(c)
            i = next
        }
        return out
    }
}
