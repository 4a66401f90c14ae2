import ShadowCore

/// Applies configured drift scenarios to decoded records, in place: features, categories, labels and times.
///
/// A record's index is its line number minus one (so a JSON Lines file's first record is 0 and a CSV file's,
/// after the header, is 1); every random choice is keyed by (seed, scenario, index), so the result does not
/// depend on how records are batched or which thread applies them. `DriftInjector` is immutable and Sendable.
public struct DriftInjector: Sendable {
    /// The compiled scenarios, in application order.
    let scenarios: [CompiledScenario]
    /// The settings this injector was built from (for manifests).
    public let settings: ScenarioSettings

    /// Compiles `settings` against the replay's feature slots; throws when a scenario names an unknown feature,
    /// its rule does not parse, or its parameters do not fit its kind.
    public init(settings: ScenarioSettings, schema: FeatureSchema) throws(ScenarioError) {
        var compiled: [CompiledScenario] = []
        for (i, scenario) in settings.scenarios.enumerated() {
            compiled.append(try CompiledScenario(scenario, index: i, schema: schema))
        }
        self.scenarios = compiled
        self.settings = settings
    }

    /// An injector for `settings`, or nil when there is nothing to inject.
    public static func make(settings: ScenarioSettings, schema: FeatureSchema) throws(ScenarioError) -> DriftInjector? {
        settings.isEmpty ? nil : try DriftInjector(settings: settings, schema: schema)
    }

    /// Applies every scenario to every record of `batch` (record index from each record's line).
    public func apply(to batch: inout RecordBatch) {
        for r in batch.records.indices {
            let index = batch.records[r].position.line - 1
            apply(to: &batch.records[r], index: index)
        }
    }

    /// Applies every scenario to one record whose index is `index`.
    public func apply(to record: inout TrafficRecord, index: Int) {
        for scenario in scenarios { scenario.apply(to: &record, index: index) }
    }
}
