import ShadowCore
import ShadowHTTP
import Synchronization

/// A model behind an HTTP endpoint: each record becomes one request in the model's wire protocol, sent over the
/// model's own keep-alive pool; a batch waits once for all its answers. Errors are per record and never stop a run.
public final class HTTPReplayModel: ReplayModel {
    public let name: String
    public let role: ModelRole
    public let task: ModelTask
    public let digest: String
    /// The endpoint URL, recorded as the model's location.
    public let url: String
    let codec: WireCodec
    let writer: HTTPRequestWriter
    let client: HTTPClient
    /// Schema slot of each model input.
    let slots: [Int]
    /// Request buffers returned by finished batches, reused by the next ones.
    let buffers = Mutex<[[UInt8]]>([])

    /// Connects a model to its endpoint; `schema` is the replay's feature schema, which holds every input.
    public init(settings: ModelSettings, http: HTTPModelSettings, task: ModelTask, schema: FeatureSchema) throws {
        let endpoint = try HTTPEndpoint(url: http.url)
        let features = settings.features ?? []
        self.name = settings.name
        self.role = settings.role
        self.task = task
        self.url = http.url
        codec = try WireCodec(settings: http, featureNames: features, width: task.outputWidth, urlPath: endpoint.path)
        writer = HTTPRequestWriter(endpoint: endpoint, path: codec.path, headers: http.headers)
        slots = features.map { schema.slot(of: $0)! }
        client = try HTTPClient(endpoint: endpoint, connections: http.connections,
                                timeoutNanos: UInt64(settings.timeoutMs) * 1_000_000)
        let identity = "\(http.wire.rawValue) \(http.url) \(codec.path) \(http.format?.rawValue ?? "") "
            + features.joined(separator: ",")
        digest = SHA256.hex(Array(identity.utf8))
    }

    public func predict(_ batch: RecordBatch) async -> PredictionBatch {
        let requests = encode(batch)
        await client.execute(requests)
        return result(of: requests)
    }

    /// Sends the batch's requests now, without waiting; `done` gets the answers on the client's thread.
    public func start(_ batch: RecordBatch, done: @escaping @Sendable (PredictionBatch) -> Void) {
        let requests = encode(batch)
        client.submit(requests) { done(self.result(of: requests)) }
    }

    /// Every record's request, head and body, encoded once into one buffer (reused from batch to batch).
    private func encode(_ batch: RecordBatch) -> HTTPRequestBatch {
        var bytes = buffers.withLock { $0.popLast() } ?? []
        bytes.removeAll(keepingCapacity: true)
        var offsets = [Int]()
        offsets.reserveCapacity(batch.records.count + 1)
        offsets.append(0)
        let codec = self.codec
        let slots = self.slots
        for record in batch.records {
            writer.append(to: &bytes) { codec.appendBody(record, slots: slots, to: &$0) }
            offsets.append(bytes.count)
        }
        return HTTPRequestBatch(bytes: bytes, offsets: offsets, width: task.outputWidth) { body, out in
            codec.decode(body, rows: 1, into: out)
        }
    }

    /// The answers of a finished request batch; its buffer goes back for reuse.
    private func result(of requests: HTTPRequestBatch) -> PredictionBatch {
        var result = PredictionBatch(count: requests.count, width: task.outputWidth)
        result.values = requests.values
        result.errors = requests.errors
        result.latencyNanos = requests.latencyNanos
        let used = requests.takeBytes()
        buffers.withLock { if $0.count < 8 { $0.append(used) } }
        return result
    }
}
