/// Locates files of the repository from the test sources, so tests run from any working directory.
enum Repo {
    /// The repository root: two folders above this file's folder.
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `fixtures/tls`: `ca.pem` (a throwaway self-signed CA certificate) and `not-pem.txt`.
    static var tls: String { root + "/fixtures/tls" }
}
