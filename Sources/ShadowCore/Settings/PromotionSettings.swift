/// `[promotion]`: the gate a shadow must pass before `shadowctl models promote` makes it champion.
public struct PromotionSettings: Sendable, Equatable {
    /// Gate clauses in config order (e.g. `disagreement_rate < 0.02`); all must hold. Empty: no gate.
    public var gate: [GateClause]
    /// Fewest records the evidence must cover for the gate to be judged at all.
    public var minRecords: Int

    /// Creates the settings; the defaults mean no gate at all.
    public init(gate: [GateClause] = [], minRecords: Int = 0) {
        self.gate = gate
        self.minRecords = minRecords
    }
}
