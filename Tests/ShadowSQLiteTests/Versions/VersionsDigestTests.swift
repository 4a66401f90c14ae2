import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

/// The streaming SHA-256 matches the one-shot digest for any chunking, and `FileDigest` hashes whole files.
@Suite struct VersionsDigestTests {
    @Test func knownVectors() {
        func hex(_ s: String) -> String {
            var h = SHA256.Hasher()
            h.update(Array(s.utf8))
            return h.hexDigest()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(arguments: [1, 7, 63, 64, 65, 1000])
    func anyChunkingGivesTheOneShotDigest(chunk: Int) {
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 3) }
        var hasher = SHA256.Hasher()
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            hasher.update(Array(bytes[start..<min(start + chunk, bytes.count)]))
        }
        #expect(hasher.byteCount == 5_000)
        #expect(hasher.hexDigest() == SHA256.hex(bytes))
    }

    @Test func filesAreHashedWholeAndFailuresNameThePath() throws {
        let dir = try TemporaryDirectory()
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir.path("big.bin")))
        let result = try FileDigest.sha256(path: dir.path("big.bin"))
        #expect(result == FileDigest.Result(size: Int64(bytes.count), hex: SHA256.hex(bytes)))
        // The same file's XXH3-128 as `xxhsum -H2` prints it; and the empty file's.
        #expect(try FileDigest.xxh128(path: dir.path("big.bin"))
                == FileDigest.Result(size: Int64(bytes.count), hex: "b9c9b676e596230c3fa89a7c6e47b3f9"))
        try Data().write(to: URL(fileURLWithPath: dir.path("empty.bin")))
        #expect(try FileDigest.xxh128(path: dir.path("empty.bin")).hex == "99aa06d3014798d86001c324468d497f")
        #expect(throws: FileDigest.Failure.self) { try FileDigest.xxh128(path: dir.path("none")) }
        #expect(throws: FileDigest.Failure.self) { try FileDigest.sha256(path: dir.path("none")) }
        #expect(throws: FileDigest.Failure(path: dir.url.path, reason: "not a regular file")) {
            try FileDigest.sha256(path: dir.url.path)
        }
    }
}
