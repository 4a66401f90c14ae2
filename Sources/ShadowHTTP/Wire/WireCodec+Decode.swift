import ShadowCore

extension WireCodec {
    static let predictions = Array("predictions".utf8)
    static let outputs = Array("outputs".utf8)
    static let data = Array("data".utf8)
    static let name = Array("name".utf8)
    static let ndarray = Array("ndarray".utf8)
    static let tensor = Array("tensor".utf8)
    static let values = Array("values".utf8)

    /// Reads the answers to `rows` records from a response body into `out` (`rows × width` values).
    /// A binary model answering both class probabilities gives the positive one. False when the body does not hold
    /// exactly the expected numbers.
    public func decode(_ body: UnsafeRawBufferPointer, rows: Int, into out: UnsafeMutableBufferPointer<Double>) -> Bool {
        var scanner = JSONScanner(body)
        guard locateOutput(&scanner) else { return false }
        let expected = rows * width
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: expected * 2) { buffer in
            var count = 0
            guard scanner.flatten(into: buffer, count: &count) else { return false }
            if count == expected {
                for i in 0..<expected { out[i] = buffer[i] }
                return true
            }
            if width == 1 && count == 2 * rows {
                for i in 0..<rows { out[i] = buffer[2 * i + 1] }
                return true
            }
            return false
        }
    }

    /// Moves the scanner to the value holding the answers.
    func locateOutput(_ s: inout JSONScanner) -> Bool {
        switch settings.wire {
        case .kserveV2:
            guard s.member(Self.outputs) else { return false }
            guard let wanted = settings.outputName else { return s.element(0) && s.member(Self.data) }
            let tensors = s
            var index = 0
            while true {
                s = tensors
                guard s.element(index) else { return false }
                let tensor = s
                if s.member(Self.name), let nameMatches = matchString(&s, Array(wanted.utf8)), nameMatches {
                    s = tensor
                    return s.member(Self.data)
                }
                index += 1
            }
        case .mlflow:
            s.skipSpace()
            if s.current == UInt8(ascii: "[") { return true }
            return s.member(Self.predictions)
        case .tfserving:
            let start = s
            if s.member(Self.predictions) { return true }
            s = start
            return s.member(Self.outputs)
        case .seldon:
            guard s.member(Self.data) else { return false }
            let data = s
            if s.member(Self.ndarray) { return true }
            s = data
            return s.member(Self.tensor) && s.member(Self.values)
        case .json:
            return s.follow(outputTokens)
        }
    }

    /// Whether the string under the cursor equals `bytes` (nil when it is not a string).
    func matchString(_ s: inout JSONScanner, _ bytes: [UInt8]) -> Bool? {
        s.skipSpace()
        let start = s.position + 1
        guard s.skipString() else { return nil }
        let n = s.position - 1 - start
        return n == bytes.count && bytes.withUnsafeBufferPointer { memcmpEqual(s.base + start, $0.baseAddress!, n) }
    }
}
