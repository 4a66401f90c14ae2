import ShadowCore
import ShadowHTTP

/// The JSON lines a process model speaks: `{"id":"7","features":[…]}` out, `{"id":"7","output":…}` or
/// `{"id":"7","error":"…"}` back.
enum ProcessLine {
    /// One parsed answer line.
    enum Answer: Equatable {
        case output(id: UInt64, values: [Double])
        case error(id: UInt64, message: String)
    }

    /// Appends the request line of `record` (features in `slots` order, missing ones as null) with its newline.
    static func appendRequest(id: UInt64, record: TrafficRecord, slots: [Int], to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":""#.utf8)
        JSONNumber.appendInteger(Int64(id), to: &out)
        out.append(contentsOf: #"","features":["#.utf8)
        for (i, slot) in slots.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONNumber.append(record.features[slot], to: &out)
        }
        out.append(contentsOf: "]}\n".utf8)
    }

    /// Parses an answer line; nil when it is not JSON or carries no usable id (such lines are ignored).
    /// An answer whose `output` is not numbers becomes an error answer.
    static func parseAnswer(_ line: [UInt8]) -> Answer? {
        guard let value = JSONValue.parse(line) else { return nil }
        let id: UInt64?
        switch value["id"] {
        case .string(let s)?: id = UInt64(s)
        case .number(let x)?: id = x >= 0 && x < 1.8e19 && x == x.rounded() ? UInt64(x) : nil
        default: id = nil
        }
        guard let id else { return nil }
        if let message = value["error"] {
            return .error(id: id, message: message.string ?? "error")
        }
        guard let output = value["output"]?.flattened, !output.isEmpty else {
            return .error(id: id, message: "no numeric output")
        }
        return .output(id: id, values: output)
    }
}
