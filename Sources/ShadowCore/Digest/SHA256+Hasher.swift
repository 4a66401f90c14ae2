extension SHA256 {
    /// An incremental SHA-256: feed any number of byte chunks, then take the digest. Hashes large files (run
    /// inputs) without holding them in memory; about as fast per byte as a plain-Swift compression loop allows.
    public struct Hasher: Sendable {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        /// Bytes of an unfinished 64-byte block.
        private var pending: [UInt8] = []
        /// Bytes fed so far.
        public private(set) var byteCount: UInt64 = 0

        /// A hasher with nothing fed yet.
        public init() {}

        /// Feeds bytes.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            byteCount &+= UInt64(bytes.count)
            var start = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<take])
                start = take
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<64])) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = (bytes.count - start) / 64 * 64
            if whole > 0 { compress(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + whole)])) }
            if start + whole < bytes.count { pending.append(contentsOf: bytes[(start + whole)...]) }
        }

        /// Feeds bytes.
        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        /// The 32-byte digest of everything fed (the hasher itself is left unchanged).
        public func finalize() -> [UInt8] {
            var copy = self
            var tail = pending
            let bitLength = byteCount &* 8
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            withUnsafeBytes(of: bitLength.bigEndian) { tail.append(contentsOf: $0) }
            tail.withUnsafeBytes { copy.compress($0) }
            var out: [UInt8] = []
            out.reserveCapacity(32)
            let s = copy.state
            for word in [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7] {
                withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) }
            }
            return out
        }

        /// The digest as 64 lowercase hex digits.
        public func hexDigest() -> String {
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(64)
            for byte in finalize() {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 15)])
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// Runs the compression function over whole 64-byte blocks.
        private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
            var (h0, h1, h2, h3, h4, h5, h6, h7) = state
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                SHA256.k.withUnsafeBufferPointer { k in
                    var offset = 0
                    while offset < blocks.count {
                        for i in 0..<16 {
                            w[i] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + i * 4, as: UInt32.self))
                        }
                        for i in 16..<64 {
                            let a = w[i - 15], b = w[i - 2]
                            let s0 = Self.rotr(a, 7) ^ Self.rotr(a, 18) ^ (a >> 3)
                            let s1 = Self.rotr(b, 17) ^ Self.rotr(b, 19) ^ (b >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                        for i in 0..<64 {
                            let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                            let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ maj)
                        }
                        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                        h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                        offset += 64
                    }
                }
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
        }

        @inline(__always)
        private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    }
}
