extension GateClause {
    /// Parses `metric op number`: a known metric, one of `<`, `<=`, `>`, `>=`, and a finite decimal number;
    /// spaces around the operator are optional and nothing else may follow.
    public static func parse(_ text: String) -> Result<GateClause, ParseError> {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 } }
        skipSpaces()
        guard i < scalars.count else { return .failure(ParseError(code: .empty, message: "the clause is empty")) }
        let nameStart = i
        while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i] == "_" || ("0"..."9").contains(scalars[i]) {
            i += 1
        }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<i]))
        guard let metric = Metric(rawValue: name) else {
            let known = Metric.allCases.map(\.rawValue).joined(separator: ", ")
            let shown = name.isEmpty ? "nothing" : "\"\(name)\""
            return .failure(ParseError(code: .unknownMetric,
                                       message: "expected a metric at the start, found \(shown) (known: \(known))"))
        }
        skipSpaces()
        let opStart = i
        while i < scalars.count, "<>=!".unicodeScalars.contains(scalars[i]) { i += 1 }
        let opText = String(String.UnicodeScalarView(scalars[opStart..<i]))
        guard let op = Operator(rawValue: opText) else {
            let shown = opText.isEmpty ? (i < scalars.count ? "\"\(scalars[i])\"" : "the end") : "\"\(opText)\""
            return .failure(ParseError(code: .badOperator,
                                       message: "expected <, <=, > or >= after \(name), found \(shown)"))
        }
        skipSpaces()
        let numberText = String(String.UnicodeScalarView(scalars[i...]))
        let trimmed = String(numberText.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        guard let bound = number(trimmed) else {
            let shown = trimmed.isEmpty ? "the end" : "\"\(trimmed)\""
            return .failure(ParseError(code: .badNumber,
                                       message: "expected a number after \(name) \(op.rawValue), found \(shown)"))
        }
        return .success(GateClause(metric, op, bound))
    }

    /// A plain decimal number (`0.02`, `10000`, `1e-3`, `-1`); no `nan`, `inf`, `%`, `_` or hexadecimal.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty,
              text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }),
              text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
