#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ShadowConfig

/// `AtomicFile.replace`: the new text lands whole through a synced temporary file and a rename; a failure before the
/// rename leaves the original untouched and no temporary file behind.
@Suite struct RewriteAtomicFileTests {
    struct Abort: Error {}

    func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = stat(path, &info)
        return info.st_mode & 0o7777
    }

    @Test func replacesTheContentAndKeepsTheMode() throws {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", "old = 1\n")
        chmod(path, 0o640)
        try AtomicFile.replace(path: path, with: "new = 2 # é\n", expecting: "old = 1\n")
        #expect(try ConfigFile.text(at: path) == "new = 2 # é\n")
        #expect(mode(path) == 0o640)
        #expect(FileProbe.names(in: ConfigPath.directory(of: path)) == ["shadowd.toml"])
    }

    @Test func theOriginalIsIntactWhenTheRenameNeverHappens() throws {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", "old = 1\n")
        let folder = ConfigPath.directory(of: path)
        var sawTemporary: [String] = []
        #expect(throws: RewriteError.self) {
            try AtomicFile.replace(path: path, with: "new = 2\n") {
                sawTemporary = FileProbe.names(in: folder).filter { $0.hasPrefix(".shadowd.toml.") }
                throw Abort()
            }
        }
        #expect(sawTemporary.count == 1, "the new text was staged beside the original before the rename")
        #expect(try ConfigFile.text(at: path) == "old = 1\n")
        #expect(FileProbe.names(in: folder) == ["shadowd.toml"])
    }

    @Test func refusesWhenTheFileChangedMeanwhile() throws {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", "edited by someone = 1\n")
        #expect(throws: RewriteError(.changedConcurrently, file: path,
                                     "the file changed while it was being rewritten; nothing was written, try again")) {
            try AtomicFile.replace(path: path, with: "new = 2\n", expecting: "old = 1\n")
        }
        #expect(try ConfigFile.text(at: path) == "edited by someone = 1\n")
        #expect(FileProbe.names(in: ConfigPath.directory(of: path)) == ["shadowd.toml"])
    }

    @Test func aSymbolicLinkStaysALinkToTheRewrittenTarget() throws {
        let target = FileProbe.temporaryFile(named: "real.toml", "old = 1\n")
        let link = ConfigPath.directory(of: target) + "/link.toml"
        #expect(symlink(target, link) == 0)
        try AtomicFile.replace(path: link, with: "new = 2\n")
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try ConfigFile.text(at: target) == "new = 2\n")
    }

    @Test func aMissingFileIsAnIOError() {
        #expect(throws: RewriteError.self) {
            try AtomicFile.replace(path: "/nonexistent/shadowd.toml", with: "x = 1\n")
        }
    }
}
