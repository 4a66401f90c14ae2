import Testing
@testable import ShadowFiles

@Suite struct ByteCompareTests {
    /// Every length from 0 to 40, equal runs and runs that differ in exactly one byte at each position: the word-wise
    /// comparisons (8, 4 and 2 bytes, overlapping at the end) must see every byte and nothing past the end.
    @Test func everyLengthAndEveryDifferingPosition() {
        for count in 0...40 {
            // One byte more than the run on each side, set apart, so a read past the end would change the answer.
            var a = [UInt8](repeating: 0xEE, count: count + 1)
            var b = [UInt8](repeating: 0x11, count: count + 1)
            for i in 0..<count {
                a[i] = UInt8(truncatingIfNeeded: 97 + i)
                b[i] = a[i]
            }
            #expect(a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in
                ByteCompare.equal(x.baseAddress!, y.baseAddress!, count) } }, "length \(count)")
            for position in 0..<count {
                var c = b
                c[position] ^= 0x20
                let equal = a.withUnsafeBufferPointer { x in c.withUnsafeBufferPointer { y in
                    ByteCompare.equal(x.baseAddress!, y.baseAddress!, count) } }
                #expect(!equal, "length \(count), byte \(position) differs")
            }
        }
    }
}
