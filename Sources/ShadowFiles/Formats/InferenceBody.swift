import ShadowCore

/// Reads inference request bodies of the supported wire protocols as rows of named features, and response
/// bodies as one recorded answer per row.
///
/// Requests: KServe v2 / Open Inference Protocol (`inputs[]` with `name`, `shape`, `data`: one input of
/// shape `[n, k]`, or one input per feature), KServe v1 / TF Serving (`instances` rows as arrays or objects,
/// columnar `inputs` object), MLflow `/invocations` (`dataframe_split` with `columns` and `data`,
/// `dataframe_records`, and the `instances` / `inputs` forms above), Seldon v1 (`data.ndarray` with `data.names`, `data.tensor`, `jsonData`), and the
/// canonical `features` object. Positional columns take their names from `data.names`, else
/// `[source.fields] feature_names`, else the models' feature order when the column count matches.
struct InferenceBody {
    /// Column names for positional rows when the body names none (`feature_names`).
    var featureNames: [String]?
    /// The models' features, used positionally when nothing else names the columns.
    var schema: FeatureSchema

    /// The reason given for a body of no known request shape.
    static let noShape = "request body: no features, inputs, instances, dataframe_split/records or data.ndarray/tensor"

    /// Each row of a request body as a JSON object of features.
    func requestRows(_ body: FormatJSON) -> Result<[[UInt8]], LineReject> {
        if let features = body["features"], case .object = features { return .success([bytes(features)]) }
        if let inputs = body["inputs"]?.array {
            // KServe v2 inputs are objects; MLflow's tensor `inputs` are rows (arrays of values).
            if inputs.allSatisfy({ if case .object = $0 { return true } else { return false } }) { return kserveV2(inputs) }
            return rows(inputs, names: nil, field: "/inputs")
        }
        if let columns = body["inputs"]?.members { return columnar(columns) }
        if let instances = body["instances"]?.array { return rows(instances, names: nil, field: "/instances") }
        if let split = body["dataframe_split"] { return dataframeSplit(split) }
        if let records = body["dataframe_records"]?.array { return rows(records, names: nil, field: "/dataframe_records") }
        if let data = body["data"] {
            let names = data["names"]?.array?.compactMap(\.string)
            if let ndarray = data["ndarray"]?.array { return rows(ndarray, names: names, field: "/data/ndarray") }
            if let tensor = data["tensor"] {
                let shape = (tensor["shape"]?.array ?? []).compactMap(\.number).map { Int($0) }
                return tensorRows(flatten(tensor["values"] ?? .null), shape: shape, names: names, field: "/data/tensor")
            }
        }
        if let json = body["jsonData"], case .object = json { return .success([bytes(json)]) }
        return .failure(LineReject(.missingField, Self.noShape))
    }

    /// The answer for row `row` of `count` from a response body: v2 outputs by name, v1 `predictions[row]`,
    /// Seldon `data.ndarray[row]`, else the whole body.
    func recorded(_ body: FormatJSON, row: Int, count: Int) -> [UInt8] {
        if let outputs = body["outputs"]?.array {
            var members: [(key: String, value: FormatJSON)] = []
            for (k, output) in outputs.enumerated() {
                let name = output["name"]?.string ?? "output-\(k)"
                let values = flatten(output["data"] ?? .null)
                guard count > 0, values.count % count == 0 else { return bytes(body) }
                let width = values.count / count
                let slice = Array(values[(row * width)..<((row + 1) * width)])
                members.append((name, width == 1 ? slice[0] : .array(slice)))
            }
            return bytes(.members(members))
        }
        if let predictions = body["predictions"]?.array, predictions.count == count { return bytes(predictions[row]) }
        if let ndarray = body["data"]?["ndarray"]?.array, ndarray.count == count { return bytes(ndarray[row]) }
        return bytes(body)
    }

    private func kserveV2(_ inputs: [FormatJSON]) -> Result<[[UInt8]], LineReject> {
        if inputs.count == 1 {
            let input = inputs[0]
            let shape = (input["shape"]?.array ?? []).compactMap(\.number).map { Int($0) }
            let values = flatten(input["data"] ?? .null)
            let width = shape.count >= 2 ? shape.dropFirst().reduce(1, *) : (shape.count == 1 ? 1 : values.count)
            if width > 1 || shape.count >= 2 {
                return tensorRows(values, shape: shape.count >= 2 ? shape : [1, values.count], names: nil,
                                  field: "/inputs/0", singleName: input["name"]?.string)
            }
        }
        var columns: [(key: String, value: FormatJSON)] = []
        for (k, input) in inputs.enumerated() {
            guard let name = input["name"]?.string else {
                return .failure(.field("/inputs/\(k)/name", .missingField, "missing (one input per feature needs names)"))
            }
            columns.append((name, .array(flatten(input["data"] ?? .null))))
        }
        return columnar(columns)
    }

    /// MLflow's pandas split orientation: `{"columns": [...], "data": [[...], ...]}` (`index` ignored).
    private func dataframeSplit(_ split: FormatJSON) -> Result<[[UInt8]], LineReject> {
        guard let data = split["data"]?.array else {
            return .failure(.field("/dataframe_split/data", .missingField, "missing (expected an array of rows)"))
        }
        let names = split["columns"]?.array?.map { $0.string ?? "" }
        if let names, names.contains("") {
            return .failure(.field("/dataframe_split/columns", .wrongType, "expected an array of column names"))
        }
        return rows(data, names: names, field: "/dataframe_split/data")
    }

    private func columnar(_ columns: [(key: String, value: FormatJSON)]) -> Result<[[UInt8]], LineReject> {
        let lists = columns.map { flatten($0.value) }
        guard let n = lists.first?.count, lists.allSatisfy({ $0.count == n }) else {
            return .failure(LineReject(.wrongType, "request inputs have different lengths"))
        }
        return .success((0..<n).map { r in bytes(.members(columns.indices.map { (columns[$0].key, lists[$0][r]) })) })
    }

    private func rows(_ items: [FormatJSON], names: [String]?, field: String) -> Result<[[UInt8]], LineReject> {
        var out: [[UInt8]] = []
        for (r, item) in items.enumerated() {
            if case .object = item {
                out.append(bytes(item))
                continue
            }
            let values = flatten(item)
            switch columnNames(values.count, names: names, field: "\(field)/\(r)") {
            case .failure(let reject): return .failure(reject)
            case .success(let keys): out.append(bytes(.members(zip(keys, values).map { ($0, $1) })))
            }
        }
        return .success(out)
    }

    private func tensorRows(_ values: [FormatJSON], shape: [Int], names: [String]?, field: String,
                            singleName: String? = nil) -> Result<[[UInt8]], LineReject> {
        let n = shape.first ?? 1
        let width = shape.count >= 2 ? shape.dropFirst().reduce(1, *) : values.count
        guard n >= 0, width > 0, n * width == values.count else {
            return .failure(.field(field, .wrongType, "shape \(shape) does not match \(values.count) values"))
        }
        let keys: [String]
        if width == 1, names == nil, featureNames == nil, let singleName {
            keys = [singleName]
        } else {
            switch columnNames(width, names: names, field: field) {
            case .failure(let reject): return .failure(reject)
            case .success(let found): keys = found
            }
        }
        return .success((0..<n).map { r in
            bytes(.members((0..<width).map { (keys[$0], values[r * width + $0]) }))
        })
    }

    private func columnNames(_ count: Int, names: [String]?, field: String) -> Result<[String], LineReject> {
        for candidate in [names, featureNames, schema.names] {
            if let candidate, candidate.count == count { return .success(candidate) }
        }
        return .failure(.field(field, .wrongType,
                               "\(count) unnamed values; set source.fields.feature_names (the models read \(schema.count) features)"))
    }

    private func flatten(_ value: FormatJSON) -> [FormatJSON] {
        guard let items = value.array else { return [value] }
        return items.flatMap { flatten($0) }
    }

    private func bytes(_ value: FormatJSON) -> [UInt8] {
        var out: [UInt8] = []
        value.write(to: &out)
        return out
    }
}
