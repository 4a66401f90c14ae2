import Foundation
import ShadowCore
import ShadowModels

/// A `<model>.reference.json` written by `scripts/make_fixtures.py`: rows and the library's own predictions.
struct ReferenceFile: Decodable {
    var model: String
    var kind: String
    var task: String
    var features: [String]
    /// Inputs; null is a missing value.
    var rows: [[Double?]]
    /// Outputs per row; null when the model gives no answer.
    var predictions: [[Double]?]

    /// Reads `fixtures/models/<name>`.
    static func load(_ name: String) throws -> ReferenceFile {
        try JSONDecoder().decode(ReferenceFile.self, from: Data(try Fixtures.bytes("models/" + name)))
    }

    /// The rows with null as NaN.
    var numericRows: [[Double]] { rows.map { $0.map { $0 ?? .nan } } }

    /// The model the reference belongs to.
    func loadModel() throws -> any EmbeddedModel {
        guard let kind = ModelSettings.Kind(rawValue: kind) else { throw CocoaError(.fileReadCorruptFile) }
        return try Fixtures.model(kind, "models/" + model)
    }
}
