#if canImport(Glibc)
import Glibc
#endif
import CShadowNet
import ShadowCore
import ShadowHTTP

// Drives the HTTP model client the way a replay does (records encoded in the model's protocol, batches of
// `--batch` records, `--in-flight` batches at once) against a server, and prints the achieved request rate, the
// client-measured latency percentiles and the RSS at the start, middle and end.
//   shadow-httpbench --url http://127.0.0.1:PORT [--connections C] [--requests N] [--batch B] [--in-flight F]
//                    [--protocol kserve-v2|mlflow|tfserving|seldon|json] [--features K]

struct Options {
    var url = ""
    var connections = 32
    var requests = 200_000
    var batch = 512
    var inFlight = 4
    var wire = HTTPModelSettings.WireProtocol.kserveV2
    var features = 10
}

func parse() -> Options {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    while !args.isEmpty {
        let flag = args.removeFirst()
        guard let value = args.first else { fatalError("\(flag) needs a value") }
        args.removeFirst()
        switch flag {
        case "--url": o.url = value
        case "--connections": o.connections = Int(value)!
        case "--requests": o.requests = Int(value)!
        case "--batch": o.batch = Int(value)!
        case "--in-flight": o.inFlight = Int(value)!
        case "--features": o.features = Int(value)!
        case "--protocol": o.wire = HTTPModelSettings.WireProtocol(rawValue: value)!
        default: fatalError("unknown flag \(flag)")
        }
    }
    return o
}

let options = parse()
let names = (0..<options.features).map { "f\($0)" }
let settings = HTTPModelSettings(url: options.url, wire: options.wire, connections: options.connections,
                                 modelName: "bench", requestTemplate: #"{"features":{{features}}}"#,
                                 outputPointer: "/predictions/0")
let endpoint = try HTTPEndpoint(url: options.url)
let codec = try WireCodec(settings: settings, featureNames: names, width: 1, urlPath: endpoint.path)
let writer = HTTPRequestWriter(endpoint: endpoint, path: codec.path, headers: [:])
let client = try HTTPClient(endpoint: endpoint, connections: options.connections, timeoutNanos: 10_000_000_000)
let slots = Array(0..<options.features)
let records = (0..<options.batch).map { i in
    TrafficRecord(id: "r\(i)", epochMs: nil, features: (0..<options.features).map { Double(($0 * 31 + i) % 97) * 0.25 },
                  featuresJSON: 0..<0, position: SourcePosition(file: "bench", line: i, byteOffset: 0))
}

/// One batch as a replay's HTTP model sends it: encode every record, wait once, read the answers.
@Sendable func runBatch() async -> (errors: Int, latencies: [UInt64]) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(options.batch * 400)
    var offsets = [0]
    for record in records {
        writer.append(to: &bytes) { codec.appendBody(record, slots: slots, to: &$0) }
        offsets.append(bytes.count)
    }
    let batch = HTTPRequestBatch(bytes: bytes, offsets: offsets, width: 1) { codec.decode($0, rows: 1, into: $1) }
    await client.execute(batch)
    return (batch.errors.reduce(0) { $0 + ($1 == nil ? 0 : 1) }, batch.latencyNanos)
}

let batches = max(1, options.requests / options.batch)
let rssStart = shadow_rss_kb()
var rssMid = 0
var errors = 0
var sample: [UInt64] = []
let started = MonotonicClock.nanos()
await withTaskGroup(of: (errors: Int, latencies: [UInt64]).self) { group in
    var submitted = 0
    var done = 0
    while submitted < min(options.inFlight, batches) {
        group.addTask { await runBatch() }
        submitted += 1
    }
    for await result in group {
        done += 1
        errors += result.errors
        if done % 4 == 0 { sample += result.latencies.prefix(64) }
        if done == batches / 2 { rssMid = shadow_rss_kb() }
        if submitted < batches {
            group.addTask { await runBatch() }
            submitted += 1
        }
    }
}
let seconds = Double(MonotonicClock.nanos() - started) / 1e9
let rssEnd = shadow_rss_kb()
sample.sort()
let sorted = sample
func percentile(_ p: Double) -> Double {
    sorted.isEmpty ? 0 : Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1000
}
let total = batches * options.batch
print("requests \(total) errors \(errors) seconds \(String(seconds))")
print("requests_per_s \(Int(Double(total) / seconds))")
print("p50_us \(percentile(0.5)) p99_us \(percentile(0.99))")
print("rss_kb start \(rssStart) mid \(rssMid) end \(rssEnd)")
