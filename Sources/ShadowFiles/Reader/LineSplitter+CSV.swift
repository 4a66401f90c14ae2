/// Where a CSV scan stands inside a record (RFC 4180), so newlines inside quoted fields do not end it.
enum CSVScanState {
    case fieldStart, unquoted, quoted, quoteInQuoted
}

extension LineSplitter {
    /// The offset of the newline ending the current CSV record in `p[0..<count]`, or nil if it goes on;
    /// newlines inside quoted fields are counted into `newlines`.
    mutating func scanCSV(_ p: UnsafeMutablePointer<UInt8>, _ count: Int, _ newlines: inout Int) -> Int? {
        let delimiter = csvDelimiter ?? UInt8(ascii: ",")
        var state = csvScanState
        for i in 0..<count {
            let c = p[i]
            switch state {
            case .quoted:
                if c == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else if c == 0x0A {
                    newlines += 1
                }
            case .quoteInQuoted, .fieldStart, .unquoted:
                if c == 0x0A {
                    csvScanState = .fieldStart
                    return i
                }
                if c == delimiter {
                    state = .fieldStart
                } else if c == UInt8(ascii: "\"") {
                    state = state == .unquoted ? .unquoted : .quoted
                } else {
                    state = .unquoted
                }
            }
        }
        csvScanState = state
        return nil
    }
}
