import Foundation
import ShadowConfig
import ShadowCore
import ShadowFiles
import ShadowRuntime

extension ShadowBench {
    /// Where one core's time goes on a replay, batch by batch as the pipeline runs: read + decode, each model's
    /// evaluation, comparison (with the features JSON of each disagreement). SQLite writes run on the store's own
    /// thread and are measured by `store`.
    static func stages(config: String, file: String) async throws {
        let settings = try ConfigLoader.load(path: config)
        let loaded = try ModelSet.load(settings)
        let reader = try TrafficReader(path: file, settings: settings.source, schema: loaded.schema)
        let comparator = Comparator(settings: settings.compare)
        var read = 0.0, compare = 0.0
        var evaluate = [Double](repeating: 0, count: loaded.models.count)
        var records = 0, disagreements = 0
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        while true {
            var t = now()
            guard let chunk = try reader.nextChunk(maxLines: settings.replay.batchSize) else { break }
            let batch = reader.decoder.decode(chunk)
            read += now() - t
            records += batch.records.count
            var predictions: [PredictionBatch] = []
            for (m, model) in loaded.models.enumerated() {
                t = now()
                predictions.append(await model.predict(batch))
                evaluate[m] += now() - t
            }
            t = now()
            for s in 1..<loaded.models.count {
                for i in batch.records.indices where comparator.compare(
                    champion: predictions[0].row(i), championError: predictions[0].errors[i],
                    shadow: predictions[s].row(i), shadowError: predictions[s].errors[i]) != nil {
                    disagreements += 1
                    _ = batch.featuresJSON(of: i)
                }
            }
            compare += now() - t
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
