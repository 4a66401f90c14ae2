import Testing
@testable import ShadowConfig

/// The small pieces behind the loader: error text, path normalization, pointers, key suggestions.
@Suite struct ConfigSupportTests {
    @Test("error descriptions: with line, with column, and for the whole file")
    func descriptions() {
        #expect(ConfigError(file: "shadowd.toml", line: 12, keyPath: "models[1].kind", message: "m").description
            == "shadowd.toml:12: models[1].kind: m")
        #expect(ConfigError(file: "f", line: 3, column: 9, keyPath: "", message: "m").description == "f:3:9: m")
        #expect(ConfigError(file: "f", line: 0, keyPath: "models", message: "m").description == "f: models: m")
        #expect(ConfigError(file: "f", line: 0, keyPath: "", message: "m").description == "f: m")
    }

    @Test("paths are normalized lexically", arguments: [
        ("/a/./b//c/", "/a/b/c"), ("/a/../../b", "/b"), ("a/../..", ".."), ("./", "."), ("a/b/../c", "a/c"),
    ])
    func normalize(input: String, expected: String) {
        #expect(ConfigPath.normalize(input) == expected)
    }

    @Test("the folder of a path")
    func directory() {
        #expect(ConfigPath.directory(of: "/etc/shadowd/shadowd.toml") == "/etc/shadowd")
        #expect(ConfigPath.directory(of: "/shadowd.toml") == "/")
        #expect(ConfigPath.directory(of: "shadowd.toml") == ".")
    }

    @Test("JSON pointers: empty or slash-led, with ~0 and ~1 only")
    func pointers() {
        for valid in ["", "/", "/a/0/b", "/a~0b~1c", "/ spaced "] { #expect(JSONPointerSyntax.problem(in: valid) == nil) }
        for invalid in ["a", "a/b", "/a~", "/a~2"] { #expect(JSONPointerSyntax.problem(in: invalid) != nil) }
    }

    @Test("unknown keys suggest a near known key, and only an unambiguous one")
    func suggestions() {
        #expect(KeySuggestion.closest(to: "batchrows", among: ConfigKeys.store) == "batch_rows")
        #expect(KeySuggestion.closest(to: "Flush-MS", among: ConfigKeys.store) == "flush_ms")
        #expect(KeySuggestion.closest(to: "timeout", among: ConfigKeys.model) == "timeout_ms")
        #expect(KeySuggestion.closest(to: "treshold", among: ConfigKeys.compare) == "threshold")
        #expect(KeySuggestion.closest(to: "window", among: ConfigKeys.root) == nil)
        #expect(KeySuggestion.closest(to: "ab", among: ["ac", "ad"]) == nil)
    }

    @Test("key paths quote keys that are not bare")
    func quoting() {
        #expect(TOMLKeyPath.quoted("batch_rows") == "batch_rows")
        #expect(TOMLKeyPath.quoted("plan name") == #""plan name""#)
        #expect(TOMLKeyPath.quoted("") == #""""#)
        #expect(TOMLKeyPath.quoted("a\"b\n") == #""a\"b\n""#)
    }
}
