/// One node of a flattened LightGBM tree; the right child always sits just after the left one.
struct LightGBMNode: Sendable {
    /// Split threshold (`x <= value` goes left), or the leaf value.
    var value: Double
    /// Model-local feature index.
    var feature: Int32
    /// Index of the left child in the model's node array; -1 for a leaf.
    var left: Int32
    /// First word of the category bitset in the model's `categoryBits` (categorical splits).
    var categoryStart: Int32
    /// Number of 32-bit words in the category bitset.
    var categoryWords: Int32
    /// LightGBM's `decision_type` bits: 1 categorical, 2 default left, bits 2–3 missing type.
    var decision: UInt8

    static let categoricalBit: UInt8 = 1
    static let defaultLeftBit: UInt8 = 2
    /// Missing types (decision bits 2–3).
    static let missingNone: UInt8 = 0, missingZero: UInt8 = 1, missingNaN: UInt8 = 2

    /// A leaf node.
    init(leaf: Double) {
        self.value = leaf
        self.feature = 0
        self.left = -1
        self.categoryStart = 0
        self.categoryWords = 0
        self.decision = 0
    }

    /// A split node.
    init(threshold: Double, feature: Int, left: Int, decision: UInt8, categoryStart: Int = 0, categoryWords: Int = 0) {
        self.value = threshold
        self.feature = Int32(feature)
        self.left = Int32(left)
        self.categoryStart = Int32(categoryStart)
        self.categoryWords = Int32(categoryWords)
        self.decision = decision
    }
}
