extension LinearModel {
    /// Loads a model from `shadowd-linear/1` JSON bytes; `source` names the file in errors.
    public init(json bytes: [UInt8], source: String) throws {
        let document = try JSONModelDecoding.decode(LinearDocument.self, from: bytes, source: source)
        func fail(_ field: String, _ message: String) -> ModelLoadError {
            ModelLoadError(.invalidValue, file: source, field: field, message: message)
        }
        guard document.format == LinearDocument.format else {
            throw ModelLoadError(.unsupported, file: source, field: "format",
                                 message: "expected \"\(LinearDocument.format)\", got \"\(document.format)\"")
        }
        guard !document.features.isEmpty else { throw fail("features", "expected at least one feature") }
        if let duplicate = document.features.enumerated().first(where: { document.features[..<$0.offset].contains($0.element) }) {
            throw fail("features[\(duplicate.offset)]", "duplicate feature \"\(duplicate.element)\"")
        }
        guard let link = Link(rawValue: document.link) else {
            throw fail("link", "expected identity, logistic or softmax, got \"\(document.link)\"")
        }
        let outputs = document.intercept.count
        guard link == .softmax ? outputs >= 2 : outputs == 1 else {
            throw fail("intercept", "link \(link.rawValue) needs \(link == .softmax ? "at least 2 values" : "1 value"), got \(outputs)")
        }
        guard document.coefficients.count == outputs else {
            throw fail("coefficients", "\(document.coefficients.count) rows for \(outputs) intercepts")
        }
        if let k = document.intercept.firstIndex(where: { !$0.isFinite }) {
            throw fail("intercept[\(k)]", "value is not finite")
        }
        for (k, row) in document.coefficients.enumerated() {
            guard row.count == document.features.count else {
                throw fail("coefficients[\(k)]", "\(row.count) weights for \(document.features.count) features")
            }
            if let i = row.firstIndex(where: { !$0.isFinite }) {
                throw fail("coefficients[\(k)][\(i)]", "value is not finite")
            }
        }
        self.init(featureNames: document.features, link: link, intercepts: document.intercept,
                  coefficients: document.coefficients)
    }
}
