import Foundation
import ShadowCore
import ShadowModels

/// Locates and reads fixture files relative to this source file, so tests run from a plain clone.
enum Fixtures {
    /// The package root: the nearest ancestor of this file holding `Package.swift`.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            let parent = url.deletingLastPathComponent()
            precondition(parent.path != url.path, "no Package.swift above \(#filePath)")
            url = parent
        }
        return url
    }()

    /// The bytes of a file under `fixtures/`.
    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent("fixtures").appendingPathComponent(relative)))
    }

    /// The text of a file under `fixtures/`.
    static func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }

    /// Reference files under `fixtures/models/`, sorted by name.
    static func referenceNames() throws -> [String] {
        let folder = root.appendingPathComponent("fixtures/models")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".reference.json") }
            .sorted()
    }

    /// Loads a model under `fixtures/` by kind.
    static func model(_ kind: ModelSettings.Kind, _ relative: String) throws -> any EmbeddedModel {
        try EmbeddedModelLoader.load(kind: kind, bytes: try bytes(relative), source: relative)
    }
}
