#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

extension ScriptedServer {
    /// A counter-based random number in [0, 1) for request `number` and a stream `salt` (splitmix64).
    func uniform(_ number: Int, salt: UInt64) -> Double {
        var z = options.seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    func delayNanos(number: Int) -> UInt64 {
        var ms = options.latencyMs + options.jitterMs * uniform(number, salt: 1)
        if options.stallAt > 0 && number == options.stallAt { ms += options.stallMs }
        return UInt64(ms * 1_000_000)
    }

    /// What request `number` gets: a scripted error, or the formula's answers in the protocol of its path.
    func answer(number: Int, path: String, body: [UInt8], close: Bool) -> Action {
        var u = uniform(number, salt: 2)
        if u < options.rateReset { return .reset }
        u -= options.rateReset
        if u < options.rate500 { return .send(response(500, Array(#"{"error":"scripted failure"}"#.utf8), close), close: close) }
        u -= options.rate500
        if u < options.rate400 { return .send(response(400, Array(#"{"error":"scripted bad request"}"#.utf8), close), close: close) }
        u -= options.rate400
        if u < options.rateGarbage { return .send(response(200, Array("<html>not json".utf8), close), close: close) }
        let wire = WireServerCodec.wire(forPath: path)
        guard let request = WireServerCodec.readRequest(wire, body: body) else {
            return .send(response(400, Array(#"{"error":"unreadable request"}"#.utf8), close), close: close)
        }
        let rows = request.rows.map(outputs)
        let out = WireServerCodec.writeResponse(wire, rows: rows, request: request, modelName: options.modelName)
        return .send(response(200, out, close), close: close)
    }

    /// The scripted formula over one feature row (missing values count as 0).
    func outputs(_ row: [Double]) -> [Double] {
        let z = options.bias + options.scale * row.reduce(0) { $0 + ($1.isNaN ? 0 : $1) }
        guard options.formula == "logistic" else { return [z] }
        let p = 1 / (1 + exp(-z))
        return options.outputs == 2 ? [1 - p, p] : [p]
    }

    /// A whole response, with Content-Length or (when scripted) chunked in two pieces.
    func response(_ status: Int, _ body: [UInt8], _ close: Bool) -> [UInt8] {
        let reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : "Internal Server Error"
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\n"
        if close { head += "Connection: close\r\n" }
        guard options.chunked else {
            return Array((head + "Content-Length: \(body.count)\r\n\r\n").utf8) + body
        }
        var out = Array((head + "Transfer-Encoding: chunked\r\n\r\n").utf8)
        let half = body.count / 2
        for part in [body[..<half], body[half...]] where !part.isEmpty {
            out += Array((String(part.count, radix: 16) + "\r\n").utf8) + part + [0x0D, 0x0A]
        }
        out += Array("0\r\n\r\n".utf8)
        return out
    }
}
