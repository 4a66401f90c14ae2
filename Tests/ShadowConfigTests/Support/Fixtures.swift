/// Locates files of the repository from the test sources, so tests run from any working directory.
enum Fixtures {
    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    static let root: String = {
        var dir = String(#filePath)
        while let slash = dir.lastIndex(of: "/"), slash != dir.startIndex {
            dir = String(dir[..<slash])
            if FileProbe.exists(dir + "/Package.swift") { return dir }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The folder of config fixtures.
    static var configDirectory: String { root + "/fixtures/config" }

    /// The names of the `.toml` files in a folder, sorted.
    static func tomlFiles(in directory: String) -> [String] {
        FileProbe.names(in: directory).filter { $0.hasSuffix(".toml") }.sorted()
    }
}
