import ShadowCore
import Testing
@testable import ShadowConfig

/// `RoleRewrite`: only the quoted role values change; comments, spacing and all other lines stay byte for byte.
@Suite struct RewriteRoleTests {
    static let config = """
        # shadowd config — hand-written, with comments that must survive
        [[models]]
        name = "champion"
        role   =   "champion"      # the production model
        kind = "xgboost"
        path = "champion.json"

        [[models]]
          name = 'candidate'
          role = 'shadow'  # retrained last week
        kind = "xgboost"
        path = "candidate.json"

        [[models]]
        name = "replica"
        role = "replica"
        kind = "xgboost"
        path = "champion.json"

        [compare]
        task = "binary"   # role = "shadow" in a comment is not a key

        """

    let swap: [String: ModelRole] = ["candidate": .champion, "champion": .shadow]

    @Test func swapsOnlyTheTwoRoleValues() throws {
        let out = try RoleRewrite.rewrite(Self.config, file: "s.toml", roles: swap)
        let expected = Self.config
            .replacing(#"role   =   "champion"      #"#, with: #"role   =   "shadow"      #"#)
            .replacing("role = 'shadow'  #", with: "role = 'champion'  #")
        #expect(out == expected)
        let before = Self.config.split(separator: "\n", omittingEmptySubsequences: false)
        let after = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        #expect(zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } == [4, 10])
        let settings = try ConfigLoader.parse(out, file: "s.toml", baseDirectory: "/")
        #expect(settings.models.map(\.role) == [.shadow, .champion, .replica])
        #expect(settings.champion?.name == "candidate")
    }

    @Test func swappingBackRestoresTheOriginalBytes() throws {
        let once = try RoleRewrite.rewrite(Self.config, file: "s.toml", roles: swap)
        let back = try RoleRewrite.rewrite(once, file: "s.toml", roles: ["candidate": .shadow, "champion": .champion])
        #expect(back == Self.config)
    }

    @Test func keepsCRLFLineEndingsAndInlineTables() throws {
        let crlf = Self.config.replacing("\n", with: "\r\n")
        let out = try RoleRewrite.rewrite(crlf, file: "s.toml", roles: swap)
        #expect(out == (try RoleRewrite.rewrite(Self.config, file: "s.toml", roles: swap)).replacing("\n", with: "\r\n"))
        let inline = #"models = [{ name = "a", role = "champion", kind = "linear", path = "a.json" }, "#
            + #"{ name = "b", role = "shadow", kind = "linear", path = "b.json" }]"# + "\n"
        let swapped = try RoleRewrite.rewrite(inline, file: "i.toml", roles: ["a": .shadow, "b": .champion])
        #expect(swapped == #"models = [{ name = "a", role = "shadow", kind = "linear", path = "a.json" }, "#
            + #"{ name = "b", role = "champion", kind = "linear", path = "b.json" }]"# + "\n")
    }

    @Test func refusesWhatItCannotEditInPlace() {
        #expect(throws: RewriteError(.unknownModel, file: "s.toml", keyPath: "models",
                                     #"no [[models]] entry is named "nobody" (found: champion, candidate, replica)"#)) {
            try RoleRewrite.rewrite(Self.config, file: "s.toml", roles: ["nobody": .champion])
        }
        let multiline = "[[models]]\nname = \"a\"\nrole = \"\"\"\nshadow\"\"\"\nkind = \"linear\"\n"
        #expect(throws: RewriteError(.roleNotEditable, file: "m.toml", line: 3, keyPath: "models[0].role",
                                     "the role is a multi-line string; edit the role by hand")) {
            try RoleRewrite.rewrite(multiline, file: "m.toml", roles: ["a": .champion])
        }
        let noRole = "[[models]]\nname = \"a\"\nkind = \"linear\"\n"
        #expect(throws: RewriteError(.roleNotEditable, file: "n.toml", line: 2, keyPath: "models[0].role",
                                     "the model has no role string to change")) {
            try RoleRewrite.rewrite(noRole, file: "n.toml", roles: ["a": .champion])
        }
        #expect(throws: RewriteError.self) {
            try RoleRewrite.rewrite("[[models]\nname = 1", file: "x.toml", roles: ["a": .champion])
        }
    }

    @Test func escapedQuotesInsideTheOldValueAreSkipped() throws {
        let text = "[[models]]\nname = \"a\"\nrole = \"sha\\\"dow\" # odd\n"
        let replaced = try RoleRewrite.replaceString(in: "role = \"sha\\\"dow\" # odd", at: 8, with: "champion",
                                                     file: "e.toml", line: 3, keyPath: "models[0].role")
        #expect(replaced == "role = \"champion\" # odd")
        // The whole rewrite reads the result back and checks it: this role was never a valid one, but the edit holds.
        #expect(try RoleRewrite.rewrite(text, file: "e.toml", roles: ["a": .champion])
            == "[[models]]\nname = \"a\"\nrole = \"champion\" # odd\n")
    }
}
