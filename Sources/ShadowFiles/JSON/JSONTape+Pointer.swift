/// Naming a node by its JSON pointer (for reject reasons).
extension JSONTape {
    /// The JSON pointer of tape node `target` (for reject reasons; walks from the root).
    func pointer(to target: Int, in line: UnsafePointer<UInt8>) -> String {
        var path = ""
        var current = 0
        while current != target {
            let node = self[current]
            var i = current + 1
            var position = 0
            var descended = false
            while i < Int(node.next) {
                let valueIndex = node.kind == .object ? i + 1 : i
                let value = self[valueIndex]
                if target >= valueIndex && target < Int(value.next) {
                    if node.kind == .object {
                        path += "/" + JSONPointer.escape(JSONStrings.unescaped(JSONStrings.content(self[i], in: line)))
                    } else {
                        path += "/\(position)"
                    }
                    current = valueIndex
                    descended = true
                    break
                }
                i = Int(value.next)
                position += 1
            }
            if !descended { break }
        }
        return path
    }
}
