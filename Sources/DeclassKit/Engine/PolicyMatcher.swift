import DeclassMatch

/// A policy's patterns compiled once: every rule's `text-matches` and `terms` in one Vectorscan database,
/// the allow list in another. Immutable and shared; each engine makes its own scanners.
final class PolicyMatcher: Sendable {
    let database: PatternDatabase
    /// For each pattern of the database, the index of its rule.
    let patternRule: [Int]
    let allow: PatternDatabase

    init(_ policy: Policy) throws(PolicyError) {
        var specs: [PatternSpec] = []
        var sources: [PatternSource] = []
        var owners: [Int] = []
        for (k, rule) in policy.rules.enumerated() {
            for p in rule.when.textMatches {
                specs.append(PatternSpec(expression: p.text, caseless: rule.when.ignoreCase, multiline: true))
                sources.append(p)
                owners.append(k)
            }
            for p in rule.when.terms {
                specs.append(PatternSpec(expression: p.text, literal: true, caseless: rule.when.ignoreCase, wholeWord: true))
                sources.append(p)
                owners.append(k)
            }
        }
        do {
            database = try PatternDatabase(specs, fastPass: true)
        } catch {
            let source = error.index.map { sources[$0] } ?? sources.first
            throw PolicyError.invalidPattern(source?.location ?? PolicyLocation(file: policy.files.first ?? "-", line: 1, column: 1),
                                             pattern: source?.text ?? "", reason: error.message)
        }
        patternRule = owners
        do {
            allow = try PatternDatabase(policy.allow.map { PatternSpec(expression: $0.text, literal: true, caseless: true, wholeWord: true) },
                                        fastPass: true)
        } catch {
            let source = error.index.map { policy.allow[$0] } ?? policy.allow.first
            throw PolicyError.invalidPattern(source?.location ?? PolicyLocation(file: policy.files.first ?? "-", line: 1, column: 1),
                                             pattern: source?.text ?? "", reason: error.message)
        }
    }
}

extension Policy {
    /// Compiles the policy's patterns (done by the loader; needed for policies built in code).
    public mutating func compile() throws(PolicyError) {
        matcherBox = MatcherBox(try PolicyMatcher(self))
    }

    var matcher: PolicyMatcher? { matcherBox?.matcher }
}

/// Holds the compiled matcher inside the `Policy` value.
final class MatcherBox: Sendable {
    let matcher: PolicyMatcher
    init(_ m: PolicyMatcher) { matcher = m }
}
