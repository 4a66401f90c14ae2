import CShadowTrees

/// An XGBoost model's trees made complete and laid out for `shadow_trees_block`, which walks sixteen rows through a
/// tree at once (one per vector lane): the nodes of each level are looked up by the lanes' positions with a permute, and
/// each row's feature with masked loads (levels of up to 8 nodes) or a gather. Every tree is padded to the deepest one's depth (a leaf above it becomes a subtree
/// whose splits lead to copies of it), so all take the same steps and the kernel walks eight trees side by side. Built
/// only on CPUs with AVX-512F and for trees of depth ≤ `maxDepth`.
struct XGBoostForest: Sendable {
    /// Deepest tree laid out (2^8 leaves: 766 words a tree).
    static let maxDepth: Int32 = 8
    /// Rows per call.
    static let lanes = Int(SHADOW_TREES_LANES)

    /// Every tree's levels: thresholds and split words per level, then the leaves (see `shadow_trees.h`).
    let data: [UInt32]
    /// The depth every tree is laid out to.
    let depth: Int32
    let groups: [Int32]

    /// Whether this CPU runs the kernel.
    static var available: Bool { shadow_trees_available() != 0 }

    /// The layout of `nodes` (trees starting at `roots`), or nil when a tree is deeper than `maxDepth`.
    init?(nodes: [XGBoostNode], roots: [Int32], depths: [Int32], groups: [Int32]) {
        let depth = depths.max() ?? 0
        guard depth <= Self.maxDepth else { return nil }
        var data: [UInt32] = []
        data.reserveCapacity(roots.count * Int(shadow_trees_words(depth)) + Self.lanes)
        var level: [Int] = []
        var next: [Int] = []
        for root in roots {
            level = [Int(root)]
            for _ in 0..<depth {
                next.removeAll(keepingCapacity: true)
                for index in level {
                    let node = nodes[index]
                    data.append(node.value.bitPattern)
                    if node.left < 0 {
                        next += [index, index]  // a leaf above the depth: both ways lead to itself
                    } else {
                        next += [Int(node.left), Int(node.left) + 1]
                    }
                }
                for index in level {
                    let node = nodes[index]
                    guard node.left >= 0 else {
                        data.append(0)  // feature 0 (any column would do: both children are the same leaf)
                        continue
                    }
                    let feature = node.featureBits & ~XGBoostNode.defaultLeftBit
                    let missingRight: UInt32 = node.featureBits & XGBoostNode.defaultLeftBit == 0 ? 1 << 31 : 0
                    data.append(feature &* UInt32(Self.lanes) | missingRight)
                }
                swap(&level, &next)
            }
            for index in level { data.append(nodes[index].value.bitPattern) }
        }
        data += [UInt32](repeating: 0, count: Self.lanes)  // a permute's 16-word read past the last table
        guard data.count < Int(Int32.max) else { return nil }
        self.data = data
        self.depth = depth
        self.groups = groups
    }

    /// Adds every tree's leaf to the margins of sixteen rows: `columns[f * 16 + r]` is feature f of row r, and
    /// `margins[g * 16 + r]` row r's margin of output group g.
    @inline(__always)
    func accumulate(columns: UnsafePointer<Float>, margins: UnsafeMutablePointer<Float>) {
        data.withUnsafeBufferPointer { data in
            groups.withUnsafeBufferPointer { groups in
                shadow_trees_block(data.baseAddress, depth, groups.baseAddress, Int32(groups.count), columns, margins)
            }
        }
    }
}
