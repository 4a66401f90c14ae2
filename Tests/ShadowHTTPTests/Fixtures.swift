#if canImport(Glibc)
import Glibc
#endif
import ShadowCore
import ShadowHTTP

/// Fixture files and sample records for the tests, found from this file's path.
enum Fixtures {
    static let root: String = {
        var parts = #filePath.split(separator: "/").map(String.init)
        parts.removeLast(3)
        return "/" + parts.joined(separator: "/")
    }()

    /// Bytes of fixtures/formats/NAME, trailing newline removed.
    static func format(_ name: String) -> [UInt8] {
        let path = root + "/fixtures/formats/" + name
        guard let f = fopen(path, "rb") else { fatalError("missing fixture \(path)") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n == 0 { break }
            out += chunk[0..<n]
        }
        while out.last == 0x0A || out.last == 0x0D { out.removeLast() }
        return out
    }

    static let iris = ["sepal_length", "sepal_width", "petal_length", "petal_width"]

    /// A record with the iris sample's features in schema order.
    static func record(_ values: [Double] = [6.8, 2.8, 4.8, 1.4], id: String = "42") -> TrafficRecord {
        TrafficRecord(id: id, epochMs: nil, features: values, featuresJSON: 0..<0,
                      position: SourcePosition(file: "t.jsonl", line: 1, byteOffset: 0))
    }

    static func codec(_ wire: HTTPModelSettings.WireProtocol, _ format: HTTPModelSettings.Format? = nil,
                      width: Int = 1, template: String? = nil, pointer: String? = nil) throws -> WireCodec {
        let settings = HTTPModelSettings(url: "http://127.0.0.1:1", wire: wire, format: format, modelName: "iris",
                                         requestTemplate: template, outputPointer: pointer)
        return try WireCodec(settings: settings, featureNames: iris, width: width, urlPath: "")
    }

    static func body(_ codec: WireCodec, _ record: TrafficRecord = record()) -> [UInt8] {
        var out: [UInt8] = []
        codec.appendBody(record, slots: [0, 1, 2, 3], to: &out)
        return out
    }

    static func decode(_ codec: WireCodec, _ body: [UInt8], rows: Int) -> [Double]? {
        var out = [Double](repeating: -1, count: rows * codec.width)
        let ok = body.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { codec.decode(raw, rows: rows, into: $0) }
        }
        return ok ? out : nil
    }
}
