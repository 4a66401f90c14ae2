/// The ordered feature names the replay needs: the union of every model's inputs.
///
/// Readers fill each record's dense `features` array in this order; models are bound to the slot indices.
public struct FeatureSchema: Sendable, Equatable {
    public let names: [String]
    private let slots: [String: Int]

    public init(names: [String]) {
        var unique: [String] = []
        var slots: [String: Int] = [:]
        for name in names where slots[name] == nil {
            slots[name] = unique.count
            unique.append(name)
        }
        self.names = unique
        self.slots = slots
    }

    /// The union of several feature lists, in first-seen order.
    public init(union lists: [[String]]) {
        self.init(names: lists.flatMap { $0 })
    }

    public var count: Int { names.count }

    /// The slot of a feature name, or nil when no model reads it.
    public func slot(of name: String) -> Int? { slots[name] }
}
