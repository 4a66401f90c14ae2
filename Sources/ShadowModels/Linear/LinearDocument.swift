/// The linear model JSON format (`shadowd-linear/1`), as written by `scripts/make_fixtures.py` and the trainer.
///
/// ```json
/// {"format": "shadowd-linear/1", "features": ["a", "b"], "link": "logistic",
///  "intercept": [0.1], "coefficients": [[0.5, -1.2]]}
/// ```
/// One intercept and one coefficient row per output: `identity` and `logistic` have one output,
/// `softmax` one per class (at least 2). Output k's margin is `intercept[k] + Σ coefficients[k][i] · x[i]`.
struct LinearDocument: Decodable {
    static let format = "shadowd-linear/1"

    var format: String
    var features: [String]
    var link: String
    var intercept: [Double]
    var coefficients: [[Double]]
}
