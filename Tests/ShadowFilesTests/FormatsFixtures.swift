import Foundation
import ShadowCore
@testable import ShadowFiles

/// Capture-format test inputs: the repository's `fixtures/formats` folder and the iris feature set they carry.
enum FormatsFixtures {
    /// `fixtures/formats` in the repository this test file belongs to.
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("fixtures/formats")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sample.gor").path) { return candidate }
        }
        fatalError("fixtures/formats not found above \(#filePath)")
    }()

    /// The path of fixture `name`.
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The four iris features, in the order the fixtures' models read them.
    static let iris = FeatureSchema(names: ["sepal_length", "sepal_width", "petal_length", "petal_width"])

    /// `[source]` for GoReplay captures of KServe v2 requests: one input of four values.
    static var gorSettings: SourceSettings {
        var settings = SourceSettings()
        settings.fields.features = "/inputs/0/data"
        settings.fields.featureNames = iris.names
        return settings
    }

    /// The `recorded` JSON text of each line of the chunks (nil when the record has none).
    static func recorded(_ result: ReadResult) -> [String?] {
        result.chunks.flatMap { chunk in
            chunk.lines.indices.map { k -> String? in
                let text = chunk.text(ofLine: k)
                guard let range = text.range(of: #","recorded":"#) else { return nil }
                return String(text[range.upperBound...].dropLast())
            }
        }
    }
}
