import Yams

/// Typed access to YAML nodes that turns every wrong shape into a `PolicyError` naming file:line:column.
struct YAMLReader {
    let file: String

    func location(_ node: Node) -> PolicyLocation {
        PolicyLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func mapping(_ node: Node, what: String) throws(PolicyError) -> Node.Mapping {
        guard let m = node.mapping else { throw PolicyError.notAMapping(location(node), what: what) }
        return m
    }

    /// Refuses keys that are not `allowed`, suggesting the nearest allowed key.
    func checkKeys(_ m: Node.Mapping, allowed: [String], context: String) throws(PolicyError) {
        for (key, _) in m {
            guard let k = key.scalar?.string else { throw PolicyError.wrongType(location(key), key: "key", expected: "a plain name") }
            if !allowed.contains(k) {
                throw PolicyError.unknownKey(location(key), key: k, context: context, suggestion: Suggestion.nearest(to: k, in: allowed))
            }
        }
    }

    func string(_ node: Node, key: String) throws(PolicyError) -> String {
        guard let s = node.scalar?.string else { throw PolicyError.wrongType(location(node), key: key, expected: "a single value") }
        return s
    }

    func bool(_ node: Node, key: String) throws(PolicyError) -> Bool {
        guard node.scalar != nil, let b = node.bool else { throw PolicyError.wrongType(location(node), key: key, expected: "true or false") }
        return b
    }

    /// A list of strings, non-empty unless `allowEmpty` (a single value counts as a list of one), each with its location.
    func stringList(_ node: Node, key: String, allowEmpty: Bool = false) throws(PolicyError) -> [(String, PolicyLocation)] {
        if let s = node.scalar?.string { return [(s, location(node))] }
        guard let seq = node.sequence else { throw PolicyError.wrongType(location(node), key: key, expected: "a list of values") }
        guard seq.count > 0 || allowEmpty else { throw PolicyError.wrongType(location(node), key: key, expected: "a list of at least one value (an empty list never matches)") }
        var out: [(String, PolicyLocation)] = []
        for item in seq {
            guard let s = item.scalar?.string else { throw PolicyError.wrongType(location(item), key: key, expected: "a list of single values") }
            out.append((s, location(item)))
        }
        return out
    }
}

/// Finds the nearest known word to a misspelt one, for "did you mean" hints.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let best = candidates.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (candidate, d) = best, d <= max(2, word.count / 3) else { return nil }
        return candidate
    }

    /// "did you mean 'x'?" when a value is close to a valid one, else the list of valid values.
    static func expected(_ word: String, among values: [String]) -> String {
        if let near = nearest(to: word, in: values), near.lowercased() != word.lowercased() { return "did you mean '\(near)'? expected one of " + values.joined(separator: ", ") }
        return "one of " + values.joined(separator: ", ")
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
