/// `[promotion]`: the gate a shadow must pass before `shadowctl models promote` makes it champion.
public struct PromotionSettings: Sendable, Equatable {
    /// Gate clauses as written in the config (e.g. `disagreement_rate < 0.02`); all must hold. Empty: no gate.
    public var gate: [String]
    /// Fewest records the evidence must cover for the gate to be judged at all.
    public var minRecords: Int

    public init(gate: [String] = [], minRecords: Int = 0) {
        self.gate = gate
        self.minRecords = minRecords
    }
}
