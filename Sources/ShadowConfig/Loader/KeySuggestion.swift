/// Finds the known key an unknown one was probably meant to be (`batchrows` → `batch_rows`).
enum KeySuggestion {
    /// The one known key within a small edit distance (ignoring case, `_` and `-`) or sharing a prefix, or nil.
    static func closest(to key: String, among known: [String]) -> String? {
        let target = normalized(key)
        let scored = known.map { name -> (String, Int) in
            let candidate = normalized(name)
            let isPrefix = min(candidate.count, target.count) >= 4
                && (candidate.starts(with: target) || target.starts(with: candidate))
            return (name, isPrefix ? 1 : distance(target, candidate))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(1, min(2, target.count / 4))
        guard best.1 <= limit, scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    private static func normalized(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
