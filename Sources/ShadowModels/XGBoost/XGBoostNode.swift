/// One node of a flattened XGBoost tree, 12 bytes; the right child always sits just after the left one.
struct XGBoostNode: Sendable {
    /// Split threshold (`x < value` goes left), or the leaf value.
    var value: Float
    /// Model-local feature index in the low 31 bits; bit 31 set when a missing value goes left.
    var featureBits: UInt32
    /// Index of the left child in the model's node array; -1 for a leaf.
    var left: Int32

    static let defaultLeftBit: UInt32 = 1 << 31

    /// A split node.
    init(threshold: Float, feature: Int, defaultLeft: Bool, left: Int) {
        self.value = threshold
        self.featureBits = UInt32(feature) | (defaultLeft ? Self.defaultLeftBit : 0)
        self.left = Int32(left)
    }

    /// A leaf node.
    init(leaf: Float) {
        self.value = leaf
        self.featureBits = 0
        self.left = -1
    }
}
