import ShadowCore

/// The answer production gave, as the log recorded it (`[source.fields] recorded`, default `/recorded`).
extension JSONLRecordDecoder {
    /// Members tried, in order, when a recorded answer is an object with several members and no
    /// `recorded_output` pointer says which to read.
    static let recordedKeys: [[UInt8]] = [
        "probabilities", "probability", "predict_proba", "proba", "scores", "score", "p1", "prediction",
        "predictions", "outputs", "output", "predict",
    ].map { Array($0.utf8) }

    /// The recorded answer's range in the batch text and its numbers, or nil when the line has none (or null).
    /// Never rejects the line: an answer with no readable number has empty `values` and is counted as such.
    func readRecorded(tape: borrowing JSONTape, line: UnsafePointer<UInt8>, members: UnsafeMutableBufferPointer<Int32>,
                      output: LineOutput) -> RecordedAnswer? {
        guard let index = recorded.resolve(in: tape, line: line, members: members) else { return nil }
        let node = tape[index]
        if node.kind == .null { return nil }
        let json = (output.lineStart + Int(node.start))..<(output.lineStart + Int(node.end))
        var target: Int? = index
        if let inner = recordedOutput {
            target = inner.resolve(in: tape, line: line, from: index)
        } else if node.kind == .object {
            target = Self.pickMember(of: index, tape: tape, line: line)
        }
        var values: [Double] = []
        var integral = true
        if let target { Self.appendNumbers(target, tape: tape, line: line, to: &values, integral: &integral) }
        return RecordedAnswer(json: json, values: values, integral: integral && !values.isEmpty)
    }

    /// The member of a recorded object to read: the only one, else the first of `recordedKeys` present.
    private static func pickMember(of index: Int, tape: borrowing JSONTape, line: UnsafePointer<UInt8>) -> Int? {
        if tape.childCount(of: index) == 1 { return index + 2 }
        for key in recordedKeys {
            let found = key.withUnsafeBufferPointer { tape.member(of: index, named: $0, in: line) }
            if let found { return found }
        }
        return nil
    }

    /// Appends the numbers of a value: a number, a bool (1/0), an inference output object's `data`, or arrays of
    /// them nested to any depth. Anything else (strings, other objects, non-finite tokens) leaves `values` empty.
    private static func appendNumbers(_ index: Int, tape: borrowing JSONTape, line: UnsafePointer<UInt8>,
                                      to values: inout [Double],
                                      integral: inout Bool) {
        let node = tape[index]
        switch node.kind {
        case .number:
            values.append(node.number)
            if node.flags & JSONNode.integer == 0 { integral = false }
        case .true: values.append(1)
        case .false: values.append(0)
        case .array:
            var i = index + 1
            while i < Int(node.next) {
                let before = values.count
                appendNumbers(i, tape: tape, line: line, to: &values, integral: &integral)
                if values.count == before {
                    values.removeAll()
                    return
                }
                i = Int(tape[i].next)
            }
        case .object:
            // An Open Inference Protocol output (`{"name":…,"datatype":…,"data":[…]}`): its data.
            let data = Self.dataKey.withUnsafeBufferPointer { tape.member(of: index, named: $0, in: line) }
            if let data { appendNumbers(data, tape: tape, line: line, to: &values, integral: &integral) }
        default: break
        }
    }

    private static let dataKey = Array("data".utf8)
}
