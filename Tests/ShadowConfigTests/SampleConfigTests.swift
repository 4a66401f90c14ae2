import ShadowCore
import Testing
@testable import ShadowConfig

/// `deploy/shadowd.toml`: the documented sample loads cleanly and documents every key.
@Suite struct SampleConfigTests {
    static let path = Fixtures.root + "/deploy/shadowd.toml"

    @Test("the sample config loads")
    func loads() throws {
        let settings = try ConfigLoader.load(path: Self.path)
        #expect(settings.models.map(\.role) == [.champion, .shadow, .replica])
        #expect(settings.champion?.path == "/var/lib/shadowd/models/churn-v41.json")
        #expect(settings.source.fields.feature == ["region": "/request/headers/x-region",
                                                   "customer_tier": "/meta/customer~1tier"])
    }

    @Test("the sample's values are the defaults, except where a default cannot be shown")
    func valuesAreDefaults() throws {
        let settings = try ConfigLoader.load(path: Self.path)
        #expect(settings.compare == CompareSettings())
        #expect(settings.store == StoreSettings())
        #expect(settings.replay == ReplaySettings())
        var source = settings.source
        source.fields.time = nil
        source.fields.featureNames = nil
        source.fields.feature = [:]
        #expect(source.fields.recordedOutput == "/p1")
        source.fields.recordedOutput = nil
        #expect(source == SourceSettings())
        #expect(settings.models[0].timeoutMs == ModelSettings(name: "x", role: .shadow, kind: .linear).timeoutMs)
    }

    @Test("the sample sets every key the loader accepts, each after a comment line")
    func documentsEveryKey() throws {
        let text = try ConfigFile.text(at: Self.path)
        let document = try TOMLParser.parse(text)
        var seen: Set<String> = []
        collect(document, prefix: "", into: &seen)
        let missing = ConfigKeys.allPaths.filter { !seen.contains($0) }
        #expect(missing == [])

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = document["models"]?.array?.first?.table else { Issue.record("no models"); return }
        for entry in first.entries {
            #expect(lines[entry.line - 2].hasPrefix("#"), "models.\(entry.key) has no comment above it")
        }
        for section in ["compare", "store", "source", "replay"] {
            for entry in document[section]?.table?.entries ?? [] where entry.value.table == nil {
                #expect(lines[entry.line - 2].hasPrefix("#"), "\(section).\(entry.key) has no comment above it")
            }
        }
    }

    private func collect(_ table: TOMLTable, prefix: String, into seen: inout Set<String>) {
        for entry in table.entries {
            let path = prefix + entry.key
            seen.insert(path)
            if let sub = entry.value.table { collect(sub, prefix: path + ".", into: &seen) }
            for element in entry.value.array ?? [] {
                if let sub = element.table { collect(sub, prefix: path + ".", into: &seen) }
            }
        }
    }
}
