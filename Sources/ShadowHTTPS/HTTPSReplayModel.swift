import NIOCore
import ShadowCore
import ShadowHTTP

/// A model behind an `https://` endpoint: the same requests and answers as the plain HTTP model (ShadowHTTP's
/// `WireCodec` encodes each record once and decodes its answer), sent over the model's own TLS pool; a batch waits
/// once for all its answers. Errors are per record (the plain classes plus `tls`) and never stop a run.
public final class HTTPSReplayModel: ReplayModel {
    public let name: String
    public let role: ModelRole
    public let task: ModelTask
    public let digest: String
    /// The endpoint URL, recorded as the model's location.
    public let url: String
    let codec: WireCodec
    let client: HTTPSClient
    /// Schema slot of each model input.
    let slots: [Int]

    /// Builds the model's TLS pool (no connection yet); `schema` is the replay's feature schema, which holds every
    /// input. Throws when the URL or `ca_file` is unusable.
    public init(settings: ModelSettings, http: HTTPModelSettings, task: ModelTask, schema: FeatureSchema)
        throws(WireError) {
        let endpoint = try HTTPSEndpoint(url: http.url)
        let features = settings.features ?? []
        name = settings.name
        role = settings.role
        self.task = task
        url = http.url
        codec = try WireCodec(settings: http, featureNames: features, width: task.outputWidth, urlPath: endpoint.path)
        slots = features.map { schema.slot(of: $0)! }
        client = try HTTPSClient(endpoint: endpoint, codec: codec, http: http,
                                 timeoutNanos: UInt64(settings.timeoutMs) * 1_000_000)
        let identity = "\(http.wire.rawValue) \(http.url) \(codec.path) \(http.format?.rawValue ?? "") "
            + features.joined(separator: ",")
        digest = SHA256.hex(Array(identity.utf8))
    }

    public func predict(_ batch: RecordBatch) async -> PredictionBatch {
        let count = batch.records.count
        var bytes: [UInt8] = []
        var offsets = [Int]()
        offsets.reserveCapacity(count + 1)
        offsets.append(0)
        for record in batch.records {
            codec.appendBody(record, slots: slots, to: &bytes)
            offsets.append(bytes.count)
        }
        // One buffer for the whole batch; each request's body is a slice of it (no copy per request).
        let all = ByteBuffer(bytes: bytes)
        let bodies = (0..<count).map { all.getSlice(at: offsets[$0], length: offsets[$0 + 1] - offsets[$0])! }
        let requests = TLSRequestBatch(count: count, width: task.outputWidth)
        await client.execute(bodies, into: requests)
        var result = PredictionBatch(count: count, width: task.outputWidth)
        requests.result(into: &result)
        return result
    }

    /// Closes the model's connections (the model set is done with it); later records fail.
    public func shutdown() async { await client.shutdown() }
}
