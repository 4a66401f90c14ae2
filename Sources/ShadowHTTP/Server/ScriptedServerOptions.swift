
/// What the test server does, from flags or a JSON script file with the same names (without the dashes).
public struct ScriptedServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 0
    /// Answer every request at once with one fixed body, without reading it (the benchmark's instant server).
    public var instant = false
    /// `logistic`: 1/(1+e^-(bias + scale·Σx)); `sum`: bias + scale·Σx.
    public var formula = "logistic"
    public var scale = 0.1
    public var bias = 0.0
    /// Values per answer: 1, or 2 for both class probabilities (logistic only).
    public var outputs = 1
    public var latencyMs = 0.0
    public var jitterMs = 0.0
    public var stallMs = 0.0
    /// 1-based request number that stalls.
    public var stallAt = 0
    public var rate500 = 0.0
    public var rate400 = 0.0
    public var rateReset = 0.0
    public var rateGarbage = 0.0
    public var seed: UInt64 = 1
    /// Send bodies with chunked transfer encoding.
    public var chunked = false
    /// Close each connection after this many responses (0: never).
    public var closeAfter = 0
    public var modelName = "model"

    /// The command line's help text.
    public static let usage = """
        usage: shadow-testserver [--listen HOST:PORT] [--instant] [--formula logistic|sum] [--scale X] [--bias X]
          [--outputs 1|2] [--latency-ms X] [--jitter-ms X] [--stall-ms N --stall-at K] [--rate-500 R] [--rate-400 R]
          [--rate-reset R] [--rate-garbage R] [--seed N] [--chunked] [--close-after N] [--model-name NAME]
          [--script FILE.json]
        Prints "listening PORT" once bound; serves kserve-v2, mlflow, tfserving, seldon and json by request path.
        """

    /// A flag or script value that cannot be used.
    public struct UsageError: Error, CustomStringConvertible { public var description: String }

    /// The defaults: a logistic answer, no latency, no errors, an ephemeral port on 127.0.0.1.
    public init() {}

    /// Reads command-line flags.
    public static func parse(_ args: [String]) throws -> ScriptedServerOptions {
        var o = ScriptedServerOptions()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(description: "\(args[i - 1]) needs a value\n\(usage)") }
            return args[i]
        }
        func number() throws -> Double {
            let text = try value()
            guard let x = Double(text), x.isFinite, x >= 0 else {
                throw UsageError(description: "\(args[i - 1]): \"\(text)\" is not a number ≥ 0")
            }
            return x
        }
        while i < args.count {
            let flag = args[i]
            switch flag {
            case "--listen":
                let text = try value()
                guard let colon = text.lastIndex(of: ":"), let p = Int(text[text.index(after: colon)...]) else {
                    throw UsageError(description: "--listen wants HOST:PORT, found \"\(text)\"")
                }
                o.host = String(text[..<colon])
                o.port = p
            case "--script": try o.apply(script: try value())
            case "--instant": o.instant = true
            case "--chunked": o.chunked = true
            default:
                let key = String(flag.drop { $0 == "-" })
                guard flag.hasPrefix("--"), o.set(key, try value()) else {
                    throw UsageError(description: "unknown or invalid option \(flag)\n\(usage)")
                }
            }
            i += 1
        }
        return o
    }

    /// Sets one named option from text; false when the name or the value is not valid.
    public mutating func set(_ key: String, _ text: String) -> Bool {
        let x = Double(text)
        switch key {
        case "formula":
            guard text == "logistic" || text == "sum" else { return false }
            formula = text
        case "model-name", "model_name": modelName = text
        case "seed": guard let s = UInt64(text) else { return false }; seed = s
        case "outputs": guard let n = Int(text), n == 1 || n == 2 else { return false }; outputs = n
        case "close-after", "close_after": guard let n = Int(text), n >= 0 else { return false }; closeAfter = n
        case "stall-at", "stall_at": guard let n = Int(text), n >= 0 else { return false }; stallAt = n
        case "instant": instant = text == "true"
        case "chunked": chunked = text == "true"
        default:
            guard let x, x.isFinite else { return false }
            switch key {
            case "scale": scale = x
            case "bias": bias = x
            case "latency-ms", "latency_ms": latencyMs = x
            case "jitter-ms", "jitter_ms": jitterMs = x
            case "stall-ms", "stall_ms": stallMs = x
            case "rate-500", "rate_500": rate500 = x
            case "rate-400", "rate_400": rate400 = x
            case "rate-reset", "rate_reset": rateReset = x
            case "rate-garbage", "rate_garbage": rateGarbage = x
            default: return false
            }
        }
        return true
    }

    /// Reads a flat JSON object of option names to values.
    mutating func apply(script path: String) throws {
        guard let bytes = readFile(path), case .object(let members)? = JSONValue.parse(bytes) else {
            throw UsageError(description: "\(path): not a readable JSON object")
        }
        for (key, value) in members {
            let text: String
            switch value {
            case .string(let s): text = s
            case .number(let x): text = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
            case .bool(let b): text = b ? "true" : "false"
            default: throw UsageError(description: "\(path): \(key) has an unusable value")
            }
            guard set(key, text) else { throw UsageError(description: "\(path): unknown or invalid key \(key)") }
        }
    }
}
