import ShadowCore

/// One scenario resolved against the feature slots, ready to apply.
struct CompiledScenario: Sendable {
    let s: ScenarioSettings.Scenario
    /// Position in the scenario list (part of every random key).
    let index: Int
    /// Slots of `s.features`.
    let slots: [Int]
    /// The concept rule and the slots of its features.
    let rule: LinearRule?
    let ruleSlots: [Int]
    /// Labels as values.
    let toLabel: FeatureValue?

    init(_ s: ScenarioSettings.Scenario, index: Int, schema: FeatureSchema) throws(ScenarioError) {
        func fail(_ code: ScenarioError.Code, _ field: String, _ message: String) -> ScenarioError {
            ScenarioError(code, scenario: index, field: field, message: message)
        }
        self.s = s
        self.index = index
        var slots: [Int] = []
        for (k, name) in s.features.enumerated() {
            guard let slot = schema.slot(of: name) else {
                throw fail(.unknownFeature, "features[\(k)]", "no model reads feature \"\(name)\"")
            }
            slots.append(slot)
        }
        self.slots = slots
        let featureKinds: [ScenarioSettings.Kind] = [.shift, .scale, .noise, .category, .missing]
        if featureKinds.contains(s.kind) && slots.isEmpty {
            throw fail(.badParameter, "features", "a \(s.kind.rawValue) scenario names at least one feature")
        }
        if s.kind == .concept {
            guard let text = s.rule else { throw fail(.badRule, "rule", "a concept scenario needs a rule") }
            let rule: LinearRule
            do { rule = try LinearRule.parse(text) } catch { throw fail(.badRule, "rule", "\"\(text)\": \(error.message)") }
            var ruleSlots: [Int] = []
            for term in rule.coefficients {
                guard let slot = schema.slot(of: term.name) else {
                    throw fail(.unknownFeature, "rule", "no model reads feature \"\(term.name)\"")
                }
                ruleSlots.append(slot)
            }
            self.rule = rule
            self.ruleSlots = ruleSlots
        } else {
            rule = nil
            ruleSlots = []
        }
        if s.kind == .labelPrior && (s.from == nil || s.to == nil) {
            throw fail(.badParameter, s.from == nil ? "from" : "to", "a label_prior scenario needs from and to")
        }
        if s.kind == .timeWarp && s.factor != 1 && s.atTimeMs == nil {
            throw fail(.badParameter, "factor", "a time warp factor needs at_time (the instant time is stretched from)")
        }
        toLabel = s.to.map(Self.labelValue)
    }

    /// How far the scenario has ramped in at this record: 0 before the start, 1 once fully in.
    func progress(_ record: TrafficRecord, index: Int) -> Double {
        if let at = s.atRecord {
            let pos = Double(index - at)
            if pos < 0 { return 0 }
            return s.width <= 0 ? 1 : min(1, (pos + 1) / s.width)
        }
        if let at = s.atTimeMs {
            guard let t = record.epochMs, t >= at else { return 0 }
            return s.width <= 0 ? 1 : min(1, (t - at) / 1000 / s.width)
        }
        return 1
    }

    func uniform(_ index: Int, _ stream: Int) -> Double {
        CounterRandom.uniform(seed: s.seed, scenario: self.index, index: index, stream: stream)
    }

    func apply(to record: inout TrafficRecord, index: Int) {
        let p = progress(record, index: index)
        guard p > 0 else { return }
        switch s.kind {
        case .shift:
            for slot in slots { record.features[slot] += s.amount * p }
        case .scale:
            for slot in slots { record.features[slot] *= 1 + (s.factor - 1) * p }
        case .noise:
            for (k, slot) in slots.enumerated() {
                record.features[slot] += s.sd * p
                    * CounterRandom.gaussian(seed: s.seed, scenario: self.index, index: index, stream: k)
            }
        case .missing:
            for (k, slot) in slots.enumerated() where uniform(index, k) < s.rate * p {
                record.features[slot] = .nan
                record.strings?[slot] = nil
            }
        case .category:
            applyCategory(to: &record, index: index, p: p)
        case .labelFlip:
            guard uniform(index, 0) < s.rate * p, let label = record.label else { return }
            if let toLabel { record.label = toLabel; return }
            switch label {
            case .number(let x) where x == 0 || x == 1: record.label = .number(1 - x)
            case .bool(let b): record.label = .bool(!b)
            default: break
            }
        case .labelPrior:
            guard let label = record.label, Self.labelText(label) == s.from, uniform(index, 0) < s.rate * p else { return }
            record.label = toLabel
        case .concept:
            guard let rule, uniform(index, 0) < p else { return }
            let values = ruleSlots.map { record.features[$0] }
            guard !values.contains(where: \.isNaN) else { return }
            record.label = .number(rule.evaluate(values))
        case .timeWarp:
            guard let t = record.epochMs else { return }
            var shift = s.offsetSeconds * 1000 * p
            if let at = s.atTimeMs, s.factor != 1, t >= at {
                let x = (t - at) / 1000
                let w = s.width
                let stretched = w <= 0 ? x : (x <= w ? x * x / (2 * w) : w / 2 + (x - w))
                shift += (s.factor - 1) * stretched * 1000
            }
            record.epochMs = t + shift
        }
    }

    /// Remaps categories with probability `p`, then sets `value` with probability `rate · p`.
    func applyCategory(to record: inout TrafficRecord, index: Int, p: Double) {
        for (k, slot) in slots.enumerated() {
            if !s.map.isEmpty, let current = Self.categoryText(record, slot), let target = s.map[current],
               uniform(index, 2 * k) < p {
                Self.setCategory(&record, slot, target)
            }
            if let value = s.value, uniform(index, 2 * k + 1) < s.rate * p {
                Self.setCategory(&record, slot, value)
            }
        }
    }

    /// A category as text: the string value, or a number as written without a trailing `.0`.
    static func categoryText(_ record: TrafficRecord, _ slot: Int) -> String? {
        if let text = record.strings?[slot] { return text }
        let x = record.features[slot]
        return x.isNaN ? nil : numberText(x)
    }

    /// Sets a category: numbers go to the feature value, anything else to the record's strings.
    static func setCategory(_ record: inout TrafficRecord, _ slot: Int, _ text: String) {
        if let x = Double(text) {
            record.features[slot] = x
            record.strings?[slot] = nil
        } else {
            record.features[slot] = .nan
            if record.strings == nil { record.strings = [:] }
            record.strings![slot] = text
        }
    }

    static func numberText(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    /// A label as the text a scenario's `from` names it by.
    static func labelText(_ label: FeatureValue) -> String? {
        switch label {
        case .number(let x): return numberText(x)
        case .bool(let b): return b ? "true" : "false"
        case .string(let t): return t
        case .null: return nil
        }
    }

    /// A label value from scenario text: a number, a boolean, or a string.
    static func labelValue(_ text: String) -> FeatureValue {
        if let x = Double(text) { return .number(x) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        return .string(text)
    }
}
