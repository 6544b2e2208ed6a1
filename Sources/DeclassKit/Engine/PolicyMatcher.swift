import DeclassMatch

/// A policy's patterns compiled once: the rules' `text-matches` and `terms` in two Vectorscan databases
/// (see `partial`), the allow list in another. Immutable and shared; each engine makes its own scanners.
final class PolicyMatcher: Sendable {
    /// The patterns scanned over every judged unit.
    let database: PatternDatabase
    /// The patterns of the rules that name parts and cannot match a line break
    /// (`PatternSpec.neverMatchesLineBreak`): scanned over the units of `partialKinds` alone, where their
    /// matches are the same as in the whole text (the other units' matches of such a rule are never read:
    /// the rule does not admit them).
    let partial: PatternDatabase
    /// The unit kinds some rule of `partial` admits.
    let partialKinds: Set<UnitKind>
    /// For each pattern, the index of its rule: `database`'s patterns first, then `partial`'s (a match of
    /// `partial` pattern `p` is numbered `database.count + p`).
    let patternRule: [Int]
    let allow: PatternDatabase

    /// Compiles `policy`'s patterns; throws for the first one Vectorscan refuses.
    init(_ policy: Policy) throws(PolicyError) {
        var specs: [[PatternSpec]] = [[], []]
        var owners: [[Int]] = [[], []]
        var kinds: Set<UnitKind> = []
        var all: [PatternSpec] = []
        var sources: [PatternSource] = []
        for (k, rule) in policy.rules.enumerated() {
            var ruleSpecs: [PatternSpec] = []
            for p in rule.when.textMatches {
                ruleSpecs.append(PatternSpec(expression: p.text, caseless: rule.when.ignoreCase, multiline: true))
                sources.append(p)
            }
            for p in rule.when.terms {
                ruleSpecs.append(PatternSpec(expression: p.text, literal: true, caseless: rule.when.ignoreCase, wholeWord: true))
                sources.append(p)
            }
            let isPartial = rule.when.parts != nil && ruleSpecs.allSatisfy(\.neverMatchesLineBreak)
            if isPartial, !ruleSpecs.isEmpty { kinds.formUnion(rule.when.parts!) }
            let d = isPartial ? 1 : 0
            specs[d] += ruleSpecs
            owners[d] += Array(repeating: k, count: ruleSpecs.count)
            all += ruleSpecs
        }
        do {
            database = try PatternDatabase(specs[0], fastPass: true)
            // The part-restricted patterns are scanned over the units of their parts alone, where they
            // are written to match (the routing indicators of the To and Info lines): a fast pass there
            // mostly finds a variable-width match and rescans with SOM, two scans where one does (the
            // scans of parts cost about 40% less). With fixed-width patterns alone it never rescans, and
            // a scan without SOM costs less.
            partial = try PatternDatabase(specs[1], fastPass: specs[1].allSatisfy(PatternDatabase.isFixedWidth))
        } catch {
            // The error the one database of every pattern (in file order) reports.
            throw PolicyMatcher.invalidPattern(all, sources, policy)
        }
        partialKinds = kinds
        patternRule = owners[0] + owners[1]
        do {
            allow = try PatternDatabase(policy.allow.map { PatternSpec(expression: $0.text, literal: true, caseless: true, wholeWord: true) },
                                        fastPass: true)
        } catch {
            let source = error.index.map { policy.allow[$0] } ?? policy.allow.first
            throw PolicyError.invalidPattern(source?.location ?? PolicyLocation(file: policy.files.first ?? "-", line: 1, column: 1),
                                             pattern: source?.text ?? "", reason: error.message)
        }
    }

    /// The error for the first pattern of `specs` (written at `sources`) that Vectorscan refuses, compiled
    /// together.
    private static func invalidPattern(_ specs: [PatternSpec], _ sources: [PatternSource], _ policy: Policy) -> PolicyError {
        do {
            _ = try PatternDatabase(specs, fastPass: true)
            return PolicyError.invalidPattern(PolicyLocation(file: policy.files.first ?? "-", line: 1, column: 1), pattern: "",
                                              reason: "the patterns compile together but not apart")
        } catch {
            let source = error.index.map { sources[$0] } ?? sources.first
            return PolicyError.invalidPattern(source?.location ?? PolicyLocation(file: policy.files.first ?? "-", line: 1, column: 1),
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
