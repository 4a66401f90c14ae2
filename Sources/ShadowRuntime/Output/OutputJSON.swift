import ShadowCore

/// Renders model outputs as the JSON stored in `champion_output` / `shadow_output`.
enum OutputJSON {
    /// Appends the JSON of one model answer to `bytes`: a single value as a JSON number, several as an array; an error
    /// as `{"error":"code"}`; a non-finite value as null. Numbers are the standard library's shortest round-trip
    /// form (`description`), written straight into the buffer without a String in between.
    static func append(_ values: ArraySlice<Double>, error: ModelErrorCode?, to bytes: inout [UInt8]) {
        if let error {
            bytes.append(contentsOf: "{\"error\":\"".utf8)
            bytes.append(contentsOf: error.rawValue.utf8)
            bytes.append(contentsOf: "\"}".utf8)
            return
        }
        var sink = ByteSink(bytes: bytes)
        bytes = []  // the sink holds the only reference, so its appends do not copy the buffer
        if values.count != 1 { sink.bytes.append(UInt8(ascii: "[")) }
        for (k, x) in zip(values.indices, values) {
            if k != values.startIndex { sink.bytes.append(UInt8(ascii: ",")) }
            if x.isFinite { x.write(to: &sink) } else { sink.bytes.append(contentsOf: "null".utf8) }
        }
        if values.count != 1 { sink.bytes.append(UInt8(ascii: "]")) }
        bytes = sink.bytes
    }

    /// A text stream into a byte buffer; takes the formatter's ASCII bytes as they are.
    private struct ByteSink: TextOutputStream {
        var bytes: [UInt8]

        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }
}
