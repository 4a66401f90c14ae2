/// The keys of a `kind = "http"` model: where it listens, how its requests and answers are shaped, the pool size,
/// and for `https://` endpoints how the server's certificate is checked.
public struct HTTPModelSettings: Sendable, Equatable {
    /// The wire protocol the model server speaks.
    public enum WireProtocol: String, Sendable, CaseIterable {
        case kserveV2 = "kserve-v2"
        case mlflow
        case tfserving
        case seldon
        case json
    }

    /// How features are laid out in the request body; the valid values depend on the protocol.
    public enum Format: String, Sendable, CaseIterable {
        /// kserve-v2: one input tensor of shape [1, n] (the default).
        case tensor
        /// kserve-v2: one input per feature, named after it, shape [1].
        case columns
        /// mlflow: `{"dataframe_split":{"columns":[…],"data":[[…]]}}` (the default).
        case dataframeSplit = "dataframe_split"
        /// mlflow: `{"dataframe_records":[{name: value, …}]}`.
        case dataframeRecords = "dataframe_records"
        /// mlflow and tfserving: `{"instances":[[…]]}`.
        case instances
        /// mlflow: `{"inputs":[[…]]}`.
        case inputs
        /// tfserving: row format, `{"instances":[[…]]}` (the default).
        case row
        /// tfserving: columnar format, `{"inputs":{name: [value], …}}`.
        case columnar
        /// seldon: `{"data":{"names":[…],"ndarray":[[…]]}}` (the default).
        case ndarray
        /// seldon: `{"data":{"tensor":{"shape":[1,n],"values":[…]}}}`.
        case seldonTensor = "seldon_tensor"

        /// The formats a protocol accepts, its default first.
        public static func allowed(for wire: WireProtocol) -> [Format] {
            switch wire {
            case .kserveV2: return [.tensor, .columns]
            case .mlflow: return [.dataframeSplit, .dataframeRecords, .instances, .inputs]
            case .tfserving: return [.row, .columnar]
            case .seldon: return [.ndarray, .seldonTensor]
            case .json: return []
            }
        }
    }

    /// `http://host[:port][/path]` or `https://…`; without a path the protocol's usual path is used.
    public var url: String
    public var wire: WireProtocol
    /// Body layout (nil for `json`).
    public var format: Format?
    /// Keep-alive connections in the model's pool (at most this many requests in flight).
    public var connections: Int
    /// kserve-v2 / tfserving: the model name in the path (defaults to the `[[models]]` name).
    public var modelName: String
    /// kserve-v2: an optional model version in the path.
    public var modelVersion: String?
    /// kserve-v2: the input tensor's name (`format = "tensor"`).
    public var inputName: String
    /// kserve-v2: the input datatype (`FP64`, `FP32`, `INT64`, …).
    public var datatype: String
    /// kserve-v2: the name of the output to read (nil: the first).
    public var outputName: String?
    /// json: the request body, with `{{features}}` (array), `{{object}}` (name → value) and `{{id}}` replaced.
    public var requestTemplate: String?
    /// json: RFC 6901 pointer to the output in the response (numbers or arrays of numbers).
    public var outputPointer: String?
    /// Extra request headers, sent as given.
    public var headers: [String: String]
    /// Values per answer for multiclass comparisons (nil: the comparison's width).
    public var classes: Int?
    /// https: a PEM file of extra trust roots (absolute once loaded), added to the system's.
    public var caFile: String?
    /// https: whether the server's certificate is verified (false only by an explicit `tls_verify = false`).
    public var tlsVerify: Bool

    /// Whether the endpoint is `https://` (served by the TLS client rather than the lean plain one).
    public var isTLS: Bool { url.hasPrefix("https://") }

    /// Settings with each protocol's defaults.
    public init(url: String, wire: WireProtocol, format: Format? = nil, connections: Int = 16, modelName: String,
                modelVersion: String? = nil, inputName: String = "input-0", datatype: String = "FP64",
                outputName: String? = nil, requestTemplate: String? = nil, outputPointer: String? = nil,
                headers: [String: String] = [:], classes: Int? = nil, caFile: String? = nil, tlsVerify: Bool = true) {
        self.url = url
        self.wire = wire
        self.format = format ?? Format.allowed(for: wire).first
        self.connections = connections
        self.modelName = modelName
        self.modelVersion = modelVersion
        self.inputName = inputName
        self.datatype = datatype
        self.outputName = outputName
        self.requestTemplate = requestTemplate
        self.outputPointer = outputPointer
        self.headers = headers
        self.classes = classes
        self.caFile = caFile
        self.tlsVerify = tlsVerify
    }
}
