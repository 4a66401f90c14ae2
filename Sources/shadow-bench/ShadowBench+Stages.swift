import Foundation
import ShadowConfig
import ShadowCore
import ShadowFiles
import ShadowRuntime

extension ShadowBench {
    /// Where one core's time goes on a replay: read + decode, each model's evaluation, comparison.
    static func stages(config: String, file: String) async throws {
        let settings = try ConfigLoader.load(path: config)
        let loaded = try ModelSet.load(settings)
        let reader = try TrafficReader(path: file, settings: settings.source, schema: loaded.schema)
        var batches: [RecordBatch] = []
        let read = try seconds {
            while let chunk = try reader.nextChunk(maxLines: settings.replay.batchSize) {
                batches.append(reader.decoder.decode(chunk))
            }
        }
        let records = batches.reduce(0) { $0 + $1.records.count }
        var evaluate: [Double] = []
        var predictions: [[PredictionBatch]] = []
        for model in loaded.models {
            let start = DispatchTime.now().uptimeNanoseconds
            var answers: [PredictionBatch] = []
            for batch in batches { answers.append(await model.predict(batch)) }
            evaluate.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            predictions.append(answers)
        }
        let comparator = Comparator(settings: settings.compare)
        var disagreements = 0
        let compare = seconds {
            for (b, batch) in batches.enumerated() {
                let champion = predictions[0][b]
                for s in 1..<loaded.models.count {
                    let shadow = predictions[s][b]
                    for i in batch.records.indices where comparator.compare(
                        champion: champion.row(i), championError: champion.errors[i],
                        shadow: shadow.row(i), shadowError: shadow.errors[i]) != nil {
                        disagreements += 1
                        _ = batch.featuresJSON(of: i)
                    }
                }
            }
        }
        func line(_ name: String, _ t: Double) -> String {
            "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", t)) s  "
                + "\(String(format: "%6.2f", t / Double(max(records, 1)) * 1e6)) µs/record"
        }
        print("one-core stage times over \(records) records (\(disagreements) disagreements):")
        print(line("read + decode", read))
        for (model, t) in zip(loaded.models, evaluate) { print(line("evaluate \(model.name)", t)) }
        print(line("compare + features JSON", compare))
    }
}
