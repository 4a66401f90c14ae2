import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowDrift
import ShadowFiles
import ShadowRuntime

/// `shadowctl profile FILE --config C --out P`: a baseline profile of training data for `[drift] reference = "profile"`.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write a baseline feature profile (the drift reference) from training data.",
        discussion: """
            Reads FILE with the config's [source] settings and the models' features, and writes per numeric feature \
            its moments, reference-quantile bins with counts and a bounded sample (for KS, Wasserstein and Sturges \
            PSI), and per categorical feature its category counts, as JSON.
            """)

    @Argument(help: "Training data (JSON Lines or CSV, in the traffic format of the config).")
    var file: String

    @Option(name: .shortAndLong, help: "Config file (TOML).")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "Where to write the profile (JSON).")
    var out: String

    @Option(help: "Quantile bins per numeric feature.")
    var bins: Int = 10

    @Option(help: "Values kept per numeric feature for KS and Wasserstein.")
    var sample: Int = 10_000

    func run() async throws {
        do {
            let settings = try ConfigLoader.load(path: config)
            let schema = try ModelSet.load(settings).schema
            let reader = try TrafficReader(path: file, settings: settings.source, schema: schema)
            var numeric = [[Double]](repeating: [], count: schema.count)
            var strings = [[String]](repeating: [], count: schema.count)
            while let chunk = try reader.nextChunk(maxLines: 4096) {
                for record in reader.decoder.decode(chunk).records {
                    for slot in 0..<schema.count {
                        if let s = record.strings?[slot] { strings[slot].append(s) } else { numeric[slot].append(record.features[slot]) }
                    }
                }
            }
            let categorical = schema.names.indices.filter { !strings[$0].isEmpty }
            let columns = schema.names.indices.filter { strings[$0].isEmpty && numeric[$0].contains { !$0.isNaN } }
            let profile = FeatureProfile.build(numeric: columns.map { (schema.names[$0], numeric[$0]) },
                                               categorical: categorical.map { (schema.names[$0], strings[$0]) },
                                               quantileBins: bins, sampleCapacity: sample)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(profile).write(to: URL(fileURLWithPath: out))
            print("profiled \(profile.records) records, \(columns.count) numeric and \(categorical.count) categorical features → \(out)")
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
