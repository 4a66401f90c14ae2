import ShadowCore

/// Feature name bytes → schema slot, looked up straight from a line's key bytes (no String per key).
///
/// Open addressing over an FNV-1a hash; immutable after init, so it is shared by concurrent decoders.
final class FeatureSlotTable: @unchecked Sendable {
    private let mask: Int
    private let hashes: UnsafeMutablePointer<UInt64>
    /// Per bucket: slot + 1 (0 = empty bucket), key start and length in `keys`.
    private let slots: UnsafeMutablePointer<Int32>
    private let keyStarts: UnsafeMutablePointer<Int32>
    private let keyLengths: UnsafeMutablePointer<Int32>
    private let keys: UnsafeMutablePointer<UInt8>
    /// Per slot: where its name sits in `keys` (length -1 for a slot no name maps to).
    private let slotCount: Int
    private let slotKeyStarts: UnsafeMutablePointer<Int32>
    private let slotKeyLengths: UnsafeMutablePointer<Int32>

    /// Builds the table for `names[i] → slots[i]` (later duplicates are ignored).
    init(names: [String], slots slotValues: [Int]) {
        var capacity = 16
        while capacity < names.count * 2 { capacity *= 2 }
        mask = capacity - 1
        hashes = .allocate(capacity: capacity)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        keyStarts = .allocate(capacity: capacity)
        keyLengths = .allocate(capacity: capacity)
        let totalBytes = names.reduce(0) { $0 + $1.utf8.count }
        keys = .allocate(capacity: max(totalBytes, 1))
        slotCount = (slotValues.max() ?? -1) + 1
        slotKeyStarts = .allocate(capacity: max(slotCount, 1))
        slotKeyLengths = .allocate(capacity: max(slotCount, 1))
        slotKeyLengths.initialize(repeating: -1, count: max(slotCount, 1))
        var offset = 0
        for (name, slot) in zip(names, slotValues) where slot >= 0 {
            let bytes = Array(name.utf8)
            let found = bytes.withUnsafeBufferPointer { lookup($0) }
            if found >= 0 { continue }
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var bucket = Int(truncatingIfNeeded: hash) & mask
            while slots[bucket] != 0 { bucket = (bucket + 1) & mask }
            for (k, byte) in bytes.enumerated() { keys[offset + k] = byte }
            hashes[bucket] = hash
            slots[bucket] = Int32(slot + 1)
            keyStarts[bucket] = Int32(offset)
            keyLengths[bucket] = Int32(bytes.count)
            if slot >= 0 {
                slotKeyStarts[slot] = Int32(offset)
                slotKeyLengths[slot] = Int32(bytes.count)
            }
            offset += bytes.count
        }
    }

    /// A table for every name of `schema`.
    convenience init(schema: FeatureSchema) {
        self.init(names: schema.names, slots: Array(0..<schema.count))
    }

    deinit {
        hashes.deallocate()
        slots.deallocate()
        keyStarts.deallocate()
        keyLengths.deallocate()
        keys.deallocate()
        slotKeyStarts.deallocate()
        slotKeyLengths.deallocate()
    }

    /// Whether `key` is the name of `slot` (the check behind slot prediction).
    @inline(__always)
    func isName(of slot: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot >= 0 && slot < slotCount, Int(slotKeyLengths[slot]) == key.count else { return false }
        return key.isEmpty || ByteCompare.equal(keys + Int(slotKeyStarts[slot]), key.baseAddress!, key.count)
    }

    /// The slot for `key`, trying first the slot `guess` (the slot seen at this position in the last line);
    /// updates `guess` on a miss.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, guess: inout Int32) -> Int {
        if isName(of: Int(guess), key) { return Int(guess) }
        let slot = lookup(key)
        guess = Int32(slot)
        return slot
    }

    /// The slot for the name spelled by `key`, or -1.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key)
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[bucket]
            if slot == 0 { return -1 }
            if hashes[bucket] == hash && Int(keyLengths[bucket]) == key.count
                && (key.isEmpty || ByteCompare.equal(keys + Int(keyStarts[bucket]), key.baseAddress!, key.count)) {
                return Int(slot) - 1
            }
            bucket = (bucket + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }
}
