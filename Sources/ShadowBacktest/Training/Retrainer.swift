import ShadowCore
import ShadowModels

/// Trains one model for a strategy, with the built-in trainer or its hook, and measures the time it took.
struct Retrainer: Sendable {
    let strategy: StrategySettings
    let featureNames: [String]
    let task: ModelTask
    let workDirectory: String

    /// The trained model (bound to the timeline's columns) and the wall seconds training took.
    func train(_ window: TrainingWindow, retrain: Int) throws -> (model: any EmbeddedModel, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let model: any EmbeddedModel
        switch strategy.trainer {
        case .builtin(let options):
            model = try LinearTrainer.train(window, featureNames: featureNames, task: task, options: options).model
        case .hook(let argv, let kind, let timeout):
            let hook = RetrainHook(argv: argv, kind: ModelSettings.Kind(rawValue: kind) ?? .xgboost,
                                   timeoutSeconds: timeout, workDirectory: workDirectory)
            model = try hook.train(window, featureNames: featureNames, task: task, strategy: strategy.name,
                                   retrain: retrain)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (model, seconds)
    }
}
