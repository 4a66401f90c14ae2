import ShadowCore

/// The server side of the wire protocols: reads the feature rows out of a request body and writes answers the way
/// each server does. Used by `shadow-testserver` and by the golden tests; not on the replay's path.
public enum WireServerCodec {
    /// The protocol a request path belongs to (`/v2/models/…/infer`, `/invocations`, `/v1/models/…:predict`,
    /// `/api/v1.0/predictions`, anything else: `json`).
    public static func wire(forPath path: String) -> HTTPModelSettings.WireProtocol {
        if path.hasPrefix("/v2/models/") && path.hasSuffix("/infer") { return .kserveV2 }
        if path == "/invocations" { return .mlflow }
        if path.hasPrefix("/v1/models/") && path.hasSuffix(":predict") { return .tfserving }
        if path.hasPrefix("/api/v1.0/predictions") || path.hasPrefix("/api/v0.1/predictions") { return .seldon }
        return .json
    }

    /// A decoded request: feature rows, the request id (kserve-v2) and whether TF Serving's columnar form was used.
    public struct Request: Equatable, Sendable {
        public var rows: [[Double]]
        public var id: String?
        public var columnar: Bool
    }

    /// Reads the feature rows of a request; nil when the body is not that protocol's shape.
    public static func readRequest(_ wire: HTTPModelSettings.WireProtocol, body: [UInt8]) -> Request? {
        guard let root = JSONValue.parse(body) else { return nil }
        switch wire {
        case .kserveV2:
            guard let inputs = root["inputs"]?.array, !inputs.isEmpty else { return nil }
            let id = root["id"]?.string
            if inputs.count == 1 {
                guard let data = inputs[0]["data"]?.flattened else { return nil }
                let shape = inputs[0]["shape"]?.flattened ?? [1, Double(data.count)]
                let width = shape.count >= 2 ? Int(shape.last!) : data.count
                return Request(rows: split(data, width: width), id: id, columnar: false)
            }
            return columns(inputs.map { $0["data"]?.flattened }).map { Request(rows: $0, id: id, columnar: false) }
        case .mlflow:
            if let split = root["dataframe_split"] {
                return rowsOf(split["data"]).map { Request(rows: $0, id: nil, columnar: false) }
            }
            if let records = root["dataframe_records"]?.array {
                let rows = records.compactMap { record -> [Double]? in
                    guard case .object(let members) = record else { return nil }
                    let values = members.compactMap { $0.1.double }
                    return values.count == members.count ? values : nil
                }
                return rows.count == records.count ? Request(rows: rows, id: nil, columnar: false) : nil
            }
            return rowsOf(root["instances"] ?? root["inputs"]).map { Request(rows: $0, id: nil, columnar: false) }
        case .tfserving:
            if let instances = root["instances"] {
                return rowsOf(instances).map { Request(rows: $0, id: nil, columnar: false) }
            }
            if case .object(let named)? = root["inputs"] {
                return columns(named.map { $0.1.array.map { rows in rows.compactMap(\.flattened).flatMap { $0 } } })
                    .map { Request(rows: $0, id: nil, columnar: true) }
            }
            return rowsOf(root["inputs"]).map { Request(rows: $0, id: nil, columnar: true) }
        case .seldon:
            guard let data = root["data"] else { return nil }
            if let ndarray = data["ndarray"] { return rowsOf(ndarray).map { Request(rows: $0, id: nil, columnar: false) } }
            guard let tensor = data["tensor"], let values = tensor["values"]?.flattened else { return nil }
            let shape = tensor["shape"]?.flattened ?? [1, Double(values.count)]
            return Request(rows: split(values, width: Int(shape.last ?? 1)), id: nil, columnar: false)
        case .json:
            if let features = root["features"] {
                if case .object(let members) = features { return Request(rows: [members.compactMap { $0.1.double }], id: nil, columnar: false) }
                return features.flattened.map { Request(rows: [$0], id: nil, columnar: false) }
            }
            return rowsOf(root["instances"]).map { Request(rows: $0, id: nil, columnar: false) }
        }
    }

    /// Rows from an array of arrays (a flat array of numbers is one row).
    static func rowsOf(_ value: JSONValue?) -> [[Double]]? {
        guard let items = value?.array else { return nil }
        if items.allSatisfy({ $0.array == nil }) { return items.isEmpty ? [] : value!.flattened.map { [$0] } }
        let rows = items.compactMap(\.flattened)
        return rows.count == items.count ? rows : nil
    }

    static func split(_ data: [Double], width: Int) -> [[Double]] {
        guard width > 0 else { return [] }
        return stride(from: 0, to: data.count, by: width).map { Array(data[$0..<min($0 + width, data.count)]) }
    }

    /// Rows gathered from columns of equal length (`row[r][j] = column j [r]`).
    static func columns(_ columns: [[Double]?]) -> [[Double]]? {
        let present = columns.compactMap { $0 }
        guard present.count == columns.count, let n = present.first?.count,
              present.allSatisfy({ $0.count == n }) else { return nil }
        return (0..<n).map { r in present.map { $0[r] } }
    }

    /// Writes answers (`rows`, each `width` values) as the protocol's server would.
    public static func writeResponse(_ wire: HTTPModelSettings.WireProtocol, rows: [[Double]], request: Request,
                                     modelName: String) -> [UInt8] {
        var out: [UInt8] = []
        let width = rows.first?.count ?? 1
        func values(_ row: [Double], tokens: Bool) {
            out.append(UInt8(ascii: "["))
            for (i, x) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if tokens && x.isNaN { out.append(contentsOf: "NaN".utf8) } else { JSONNumber.append(x, to: &out) }
            }
            out.append(UInt8(ascii: "]"))
        }
        func list(tokens: Bool, scalars: Bool) {
            out.append(UInt8(ascii: "["))
            for (i, row) in rows.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if scalars && row.count == 1 {
                    if tokens && row[0].isNaN { out.append(contentsOf: "NaN".utf8) } else { JSONNumber.append(row[0], to: &out) }
                } else {
                    values(row, tokens: tokens)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        switch wire {
        case .kserveV2:
            out.append(contentsOf: #"{"model_name":"#.utf8)
            JSONNumber.appendString(modelName, to: &out)
            if let id = request.id {
                out.append(contentsOf: #","id":"#.utf8)
                JSONNumber.appendString(id, to: &out)
            }
            out.append(contentsOf: #","outputs":[{"name":"output-0","shape":["#.utf8)
            JSONNumber.appendInteger(Int64(rows.count), to: &out)
            out.append(contentsOf: ",".utf8)
            JSONNumber.appendInteger(Int64(width), to: &out)
            out.append(contentsOf: #"],"datatype":"FP64","data":"#.utf8)
            values(rows.flatMap { $0 }, tokens: false)
            out.append(contentsOf: "}]}".utf8)
        case .mlflow:
            out.append(contentsOf: #"{"predictions":"#.utf8)
            list(tokens: false, scalars: true)
            out.append(UInt8(ascii: "}"))
        case .tfserving:
            out.append(contentsOf: (request.columnar ? #"{"outputs":"# : #"{"predictions":"#).utf8)
            list(tokens: true, scalars: false)
            out.append(UInt8(ascii: "}"))
        case .seldon:
            out.append(contentsOf: #"{"meta":{"puid":"shadow-testserver","tags":{},"routing":{},"requestPath":{"#.utf8)
            out.append(contentsOf: #""model":"shadow-testserver"},"metrics":[]},"data":{"names":["#.utf8)
            for i in 0..<width {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONNumber.appendString("t:\(i)", to: &out)
            }
            out.append(contentsOf: #"],"ndarray":"#.utf8)
            list(tokens: false, scalars: false)
            out.append(contentsOf: "}}".utf8)
        case .json:
            out.append(contentsOf: #"{"result":{"score":"#.utf8)
            values(rows.flatMap { $0 }, tokens: false)
            out.append(contentsOf: "}}".utf8)
        }
        return out
    }
}
