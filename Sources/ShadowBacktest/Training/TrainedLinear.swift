import ShadowModels

/// A linear model as the trainer fits it: what `shadowd-linear/1` JSON holds.
public struct TrainedLinear: Sendable, Equatable {
    /// Inputs, in order.
    public var featureNames: [String]
    /// The link (identity, logistic, softmax).
    public var link: LinearModel.Link
    /// One intercept per output.
    public var intercepts: [Double]
    /// One row of weights per output.
    public var coefficients: [[Double]]

    /// Creates a model description from its parts.
    public init(featureNames: [String], link: LinearModel.Link, intercepts: [Double], coefficients: [[Double]]) {
        self.featureNames = featureNames
        self.link = link
        self.intercepts = intercepts
        self.coefficients = coefficients
    }

    /// The evaluator for these weights.
    public var model: LinearModel {
        LinearModel(featureNames: featureNames, link: link, intercepts: intercepts, coefficients: coefficients)
    }

    /// The `shadowd-linear/1` JSON document the linear loader reads (numbers printed round-trip exact).
    public var json: String {
        func number(_ x: Double) -> String { "\(x)" }
        func string(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let rows = coefficients.map { "[" + $0.map(number).joined(separator: ", ") + "]" }
        return """
            {"format": "shadowd-linear/1", "features": [\(featureNames.map(string).joined(separator: ", "))], \
            "link": "\(link.rawValue)", "intercept": [\(intercepts.map(number).joined(separator: ", "))], \
            "coefficients": [\(rows.joined(separator: ", "))]}

            """
    }
}
