/// The distinct first keys of a decoder's JSON pointers, looked up in one pass over each line's root object instead
/// of one pass per pointer (a line has the id, the time, the features, the label and the recorded answer to find).
struct RootKeys: Sendable {
    /// Every key's bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where each key starts in `bytes` (count + 1 entries).
    private var starts: [Int] = [0]

    /// Number of keys.
    var count: Int { starts.count - 1 }

    /// `pointer` with `rootSlot` naming its first key (added when new); pointers without tokens are left as they are.
    mutating func assign(_ pointer: JSONPointer) -> JSONPointer {
        guard let key = pointer.tokens.first?.key else { return pointer }
        var assigned = pointer
        if let slot = key.withUnsafeBufferPointer({ slot(of: $0) }) {
            assigned.rootSlot = slot
        } else {
            bytes += key
            starts.append(bytes.count)
            assigned.rootSlot = count - 1
        }
        return assigned
    }

    /// The slot of the key spelled by `name`, or nil when no pointer starts with it.
    func slot(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            (0..<count).first { k in
                let key = UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
                return key.count == name.count && key.elementsEqual(name)
            }
        }
    }

    /// Sets `members[k]` to the tape index of the value of the root member named by key k (the last one when a key
    /// repeats, as `JSONTape.member` does), or -1. The root (node 0) must be an object.
    @inline(__always)
    func find(in tape: borrowing JSONTape, line: UnsafePointer<UInt8>, into members: UnsafeMutableBufferPointer<Int32>) {
        for k in 0..<count { members[k] = -1 }
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                let end = Int(tape[0].next)
                var i = 1
                while i < end {
                    let key = tape[i]
                    for k in 0..<(starts.count - 1) {
                        let name = UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
                        if JSONStrings.equals(key, name, in: line) { members[k] = Int32(i + 1) }
                    }
                    i = Int(tape[i + 1].next)
                }
            }
        }
    }
}
