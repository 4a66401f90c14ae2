import Testing
@testable import ShadowConfig

/// Mangled documents never crash the parser: each either parses or throws a positioned error.
@Suite struct TOMLParserRobustnessTests {
    /// A small deterministic generator (64-bit LCG), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("500 mutations of the sample config parse or fail with a position inside the text")
    func mutations() throws {
        let sample = Array(try ConfigFile.text(at: Fixtures.root + "/deploy/shadowd.toml").unicodeScalars)
        let alphabet = Array("[]{}\"'=.,#\\\n\r\t _-+:0123456789eExobnaifu\u{0}\u{7F}é😀".unicodeScalars)
        var generator = Generator(state: 42)
        var failures = 0
        for _ in 0..<500 {
            var text = sample
            for _ in 0..<(1 + generator.next(4)) {
                let at = generator.next(text.count)
                switch generator.next(3) {
                case 0: text.remove(at: at)
                case 1: text.insert(alphabet[generator.next(alphabet.count)], at: at)
                default: text[at] = alphabet[generator.next(alphabet.count)]
                }
            }
            var document = ""
            document.unicodeScalars.append(contentsOf: text)
            do {
                _ = try TOMLParser.parse(document)
            } catch {
                failures += 1
                let lines = document.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect((1...lines).contains(error.line), "\(error)")
                #expect(error.column >= 1)
            }
        }
        #expect(failures > 100)
    }
}
