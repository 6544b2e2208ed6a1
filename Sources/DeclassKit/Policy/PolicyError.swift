/// Why a policy file cannot be used; every message names the file, and line and column where they apply,
/// and says what to change.
public enum PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(file: String)
    case unreadable(file: String, reason: String)
    case syntax(PolicyLocation, problem: String)
    case notAMapping(PolicyLocation, what: String)
    case unknownKey(PolicyLocation, key: String, context: String, suggestion: String?)
    case missingKey(PolicyLocation, key: String, context: String)
    case wrongType(PolicyLocation, key: String, expected: String)
    case unknownValue(PolicyLocation, key: String, value: String, expected: String)
    case duplicateRule(PolicyLocation, id: String, first: PolicyLocation)
    case invalidPattern(PolicyLocation, pattern: String, reason: String)
    case extendsCycle(PolicyLocation, chain: [String])
    case extendsMissing(PolicyLocation, path: String)

    /// Where the problem is.
    public var location: PolicyLocation? {
        switch self {
        case .notFound, .unreadable: nil
        case .syntax(let l, _), .notAMapping(let l, _), .unknownKey(let l, _, _, _), .missingKey(let l, _, _),
             .wrongType(let l, _, _), .unknownValue(let l, _, _, _), .duplicateRule(let l, _, _),
             .invalidPattern(let l, _, _), .extendsCycle(let l, _), .extendsMissing(let l, _):
            l
        }
    }

    public var description: String {
        switch self {
        case .notFound(let f):
            "\(f): no such policy file"
        case .unreadable(let f, let r):
            "\(f): cannot read the policy: \(r)"
        case .syntax(let l, let p):
            "\(l): YAML syntax error: \(p)"
        case .notAMapping(let l, let w):
            "\(l): \(w) must be a mapping of keys to values"
        case .unknownKey(let l, let k, let c, let s):
            "\(l): unknown key '\(k)' in \(c)" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .missingKey(let l, let k, let c):
            "\(l): \(c) has no '\(k)'"
        case .wrongType(let l, let k, let e):
            "\(l): '\(k)' must be \(e)"
        case .unknownValue(let l, let k, let v, let e):
            "\(l): unknown \(k) '\(v)' (" + (e.hasPrefix("did you mean") ? e : "expected \(e)") + ")"
        case .duplicateRule(let l, let id, let first):
            "\(l): duplicate rule id '\(id)' (first used at \(first.line):\(first.column))"
        case .invalidPattern(let l, let p, let r):
            "\(l): cannot compile pattern '\(p)': \(r)"
        case .extendsCycle(let l, let chain):
            "\(l): 'extends' makes a cycle: \(chain.joined(separator: " → "))"
        case .extendsMissing(let l, let p):
            "\(l): 'extends' names '\(p)', which does not exist"
        }
    }
}
