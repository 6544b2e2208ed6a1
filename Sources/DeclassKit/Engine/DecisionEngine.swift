import DeclassMatch

/// Applies a policy to cables: every rule is checked against every unit, the most restrictive matching
/// action wins (ties by file order), unmatched units take the default, and nothing unknown is released.
/// One engine per thread (it owns its pattern scanners and scratch lists); the policy it holds is shared.
public final class DecisionEngine {
    public let policy: Policy
    let matcher: PolicyMatcher
    private let scanner: PatternScanner
    /// Scans the part-restricted patterns (`scanParts`).
    let partialScanner: PatternScanner
    /// The unit kinds `partialScanner` reads (`partialBits`).
    let partialBits: UInt64
    private let allowScanner: PatternScanner
    private let textRules: Bool
    /// The rules' conditions, for what `tests` leaves out: controls, cable-wide facts, and parts when unit
    /// kinds have no distinct bits.
    private let conditions: [RuleCondition]
    /// The rules' conditions as bits, checked per unit (`RuleTest`): nothing copied or retained.
    private let tests: [RuleTest]
    private let actions: [PolicyAction]
    /// Each rule's id, exemption and reason, read per unit without copying the rule.
    private let ruleIDs: [String]
    /// Each rule's id alone in a list: the rules matching a unit when one rule does (most units), shared
    /// by every such decision instead of a list allocated for each.
    private let soleRuleIDs: [[String]]
    private let exemptions: [Exemption?]
    private let reasons: [String?]
    private let hasText: [Bool]
    /// Lists of unit numbers `decide` fills for each cable (the judged units, the rules matching a unit),
    /// kept with their capacity from cable to cable: one allocation each per cable saved. Safe because an
    /// engine is used by one thread at a time (it is not `Sendable`), and `decide` takes them out while it
    /// runs and puts them back when done.
    private var judgedScratch: [Int] = []
    private var matchingScratch: [Int] = []
    /// The per-unit match lists `decide` fills, kept (each with its capacity) from cable to cable under the
    /// same rule: a list per unit that matched cost an allocation or more for every cable.
    private var unitMatchesScratch: [[PatternMatch]] = []
    /// The needles `propagate` looks for, kept (emptied, with their storage) from cable to cable: taken
    /// out while it runs (nil), so that the set is uniquely referenced and read with no copy.
    private var needleScratch: NeedleSet? = NeedleSet()

    /// Makes an engine for `policy`, compiling its patterns if the loader has not.
    public init(policy: Policy) throws(PolicyError) {
        var p = policy
        if p.matcher == nil { try p.compile() }
        self.policy = p
        matcher = p.matcher!
        scanner = matcher.database.makeScanner()
        partialScanner = matcher.partial.makeScanner()
        partialBits = DecisionEngine.partialBits(matcher)
        allowScanner = matcher.allow.makeScanner()
        textRules = p.rules.contains { $0.when.hasText }
        conditions = p.rules.map(\.when)
        tests = p.rules.map { RuleTest($0.when, partBits: DecisionEngine.kindBitsAreDistinct) }
        actions = p.rules.map(\.action)
        ruleIDs = p.rules.map(\.id)
        soleRuleIDs = p.rules.map { [$0.id] }
        exemptions = p.rules.map(\.exemption)
        reasons = p.rules.map(\.reason)
        hasText = p.rules.map(\.when.hasText)
    }

    /// The units the engine never judges: they carry no text of their own and are recomputed on output.
    static let structural: Set<UnitKind> = [.blank, .banner, .pageBreak]
    /// Parts that hold markings, handling and the sender's name, not content: unclassified whatever the
    /// banner says.
    static let administrative: Set<UnitKind> = [.declassification, .classifiedBy, .derivative, .handling, .tags, .signature]

    /// Decides every unit of `cable` as of `asOf`.
    public func decide(_ cable: Cable, asOf: CivilDate) -> Review {
        let eligibility = Eligibility(cable, automaticYears: policy.automaticDeclassificationYears)
        let declassified = eligibility.isDeclassified(on: asOf)
        /// The words of every judged unit, read once (when a rule reads text, or for overlaps).
        var text: CableText? = textRules ? DecisionEngine.judgedText(cable) : nil
        var warnings: [String] = []
        /// The classification authority (nil inside: none), read when a decision first applies a classified
        /// exemption: most cables' decisions apply none.
        var authority: String?? = nil
        var decisions: [Decision] = []
        decisions.reserveCapacity(cable.units.count)
        /// The rules matching the unit at hand, in file order (one array for the cable).
        var matching = DecisionEngine.takeScratch(&matchingScratch, capacity: actions.count)
        defer { matchingScratch = matching }
        /// Text each redact rule matched, for redaction everywhere in the cable: each text once per rule, in
        /// the order found, as its range of the cable's words (read in place; copied only for the needles).
        /// A few per cable, so one flat list: a table keyed by rule was looked up twice per piece.
        var redactedTexts: [(rule: Int, range: Range<Int>)] = []

        // Every pattern of the policy but the part-restricted ones, one scan over the words of every unit
        // (joined by line breaks, which no folded text holds, so a match stays inside its unit); those
        // over the units of their parts (`scanParts`).
        let gate = CableRuleGate(cable, conditions: conditions, tests: tests)
        var unitMatches: [[PatternMatch]] = []
        swap(&unitMatches, &unitMatchesScratch)
        defer { unitMatchesScratch = unitMatches }
        // Emptied with their storage kept; lists past the cable's units stay empty and are not read.
        for k in unitMatches.indices where !unitMatches[k].isEmpty { unitMatches[k].removeAll(keepingCapacity: true) }
        if unitMatches.count < cable.units.count {
            unitMatches.append(contentsOf: repeatElement([], count: cable.units.count - unitMatches.count))
        }
        if let text {
            // The judged units in order: each match belongs to the last one starting at or before it.
            // One allocation (a filter grew the array several times per cable).
            var judged = DecisionEngine.takeScratch(&judgedScratch, capacity: cable.units.count)
            defer { judgedScratch = judged }
            for k in cable.units.indices where !DecisionEngine.isStructural(cable.units[k].kind) { judged.append(k) }
            var s = 0
            for m in text.withWords({ scanner.scan($0) }) {
                while s + 1 < judged.count, text.words(of: judged[s + 1]).lowerBound <= m.range.lowerBound { s += 1 }
                let k = judged[s]
                // A match that runs past its unit's end (a pattern matching line breaks) is cut at the end.
                let end = min(m.range.upperBound, text.words(of: k).upperBound)
                if end > m.range.lowerBound { unitMatches[k].append(PatternMatch(pattern: m.pattern, range: m.range.lowerBound..<end)) }
            }
            if matcher.partial.count > 0 { scanParts(cable, text, into: &unitMatches) }
        }

        // Units read in place: a copy of a unit retains each of its arrays.
        for k in cable.units.indices {
            if DecisionEngine.isStructural(cable.units[k].kind) {
                decisions.append(Decision(unit: k, label: DecisionEngine.label(cable, k), kind: cable.units[k].kind, action: .release, rule: "structure", matchingRules: [],
                                          reason: "structure: recomputed on output", spans: []))
                continue
            }
            let facts = UnitFacts(cable: cable, unit: k, declassified: declassified)
            if !matching.isEmpty { matching.removeAll(keepingCapacity: true) }
            for r in tests.indices where tests[r].admits(facts) && gate.admits(r) {
                // The unit's matches, read in place for each rule (a few per unit): no table of them per unit.
                if hasText[r], !unitMatches[k].contains(where: { matcher.patternRule[$0.pattern] == r }) { continue }
                if tests[r].namesControls, let s = conditions[r].controls,
                   !UnitFacts.controls(cable: cable, unit: k).contains(where: s.contains) { continue }
                if !DecisionEngine.kindBitsAreDistinct, let p = conditions[r].parts, !p.contains(cable.units[k].kind) { continue }
                matching.append(r)
            }
            decisions.append(Decision(unit: k, label: DecisionEngine.label(cable, k), kind: cable.units[k].kind, action: policy.defaultAction, rule: nil,
                                      matchingRules: [], exemption: policy.defaultExemption, reason: "no rule matched: the policy's default", spans: []))
            // Decided in place in the array: built aside and appended, it was copied (its strings and
            // arrays retained, then released).
            DecisionEngine.inPlace(&decisions[decisions.count - 1]) { decision in
                // The most restrictive action, and the first rule (file order) taking it; no array per unit.
                var winnerIndex = -1
                for r in matching where winnerIndex < 0 || actions[r] > actions[winnerIndex] { winnerIndex = r }
                if winnerIndex >= 0 {
                    let top = actions[winnerIndex]
                    let winner = winnerIndex
                    decision.action = top
                    decision.rule = ruleIDs[winner]
                    // The winner, then the others in file order: one array, or the winner's own.
                    if matching.count == 1 {
                        decision.matchingRules = soleRuleIDs[winner]
                    } else {
                        var names: [String] = []
                        names.reserveCapacity(matching.count)
                        names.append(ruleIDs[winner])
                        for r in matching where r != winner { names.append(ruleIDs[r]) }
                        decision.matchingRules = names
                    }
                    decision.exemption = top == .release ? nil : exemptions[winner]
                    decision.reason = reasons[winner]
                    // The text each redact rule matched here (allow list removed) is redacted everywhere.
                    var spans: [(Range<Int>, Int)] = []
                    for r in matching where actions[r] == .redact {
                        for m in unitMatches[k] where matcher.patternRule[m.pattern] == r {
                            // Room for every match of the unit at the first: grown by appends, the list
                            // took a few allocations per redacted unit.
                            if spans.isEmpty { spans.reserveCapacity(unitMatches[k].count) }
                            spans.append((m.range, r))
                        }
                    }
                    // Spans come from matches, so the text was read.
                    let pieces = spans.isEmpty ? [] : redactionPieces(spans, unit: k, in: text!)
                    if !pieces.isEmpty {
                        text!.bytes.withUnsafeBufferPointer { b in
                            for (range, r) in pieces where !redactedTexts.contains(where: {
                                $0.rule == r && $0.range.count == range.count && b[$0.range].elementsEqual(b[range])
                            }) {
                                // Room for a cable's few at the first (grown one by one, a few allocations).
                                if redactedTexts.isEmpty { redactedTexts.reserveCapacity(16) }
                                redactedTexts.append((r, range))
                            }
                        }
                    }
                    if top == .redact {
                        decision.spans = pieces.map { span($0.0, rule: $0.1, in: text!) }
                        if decision.spans.isEmpty {
                            decision.action = .release
                            decision.exemption = nil
                            decision.rule = matching.first { actions[$0] == .release }.map { ruleIDs[$0] }
                            decision.reason = "every span the redact rules matched is on the allow list"
                        }
                    }
                }
                // Fail closed: an unknown marking is released only by a rule that names `unknown`.
                if facts.classification == .unknown, decision.action != .withhold {
                    let named = decision.rule.flatMap { id in policy.rules.first { $0.id == id } }?.when.classificationIs?.contains(.unknown) ?? false
                    if !named {
                        decision.action = .withhold
                        decision.rule = "fail-closed"
                        decision.exemption = Exemption("B1")
                        decision.spans = []
                        decision.reason = "unknown or unreadable marking: withheld until a reviewer reads it (fail closed)"
                    }
                }
                if decision.exemption?.isClassified == true || decision.spans.contains(where: { $0.exemption?.isClassified == true }) {
                    if authority == nil { authority = .some(cable.authority.map(\.authority).flatMap { $0.isEmpty ? nil : $0 }) }
                    decision.authority = authority!
                    if authority! == nil, !warnings.contains(where: { $0.hasPrefix("B1") }) {
                        warnings.append("B1 withholding without classification reasons: the cable has no readable Classified By line")
                    }
                }
            }
        }
        // Redacted text comes from matches, so the text was read.
        if !redactedTexts.isEmpty { propagate(redactedTexts, cable: cable, text: text!, decisions: &decisions) }
        var overlaps: [Overlap] = []
        if OverlapFinder.isPossible(decisions) {
            if text == nil { text = DecisionEngine.judgedText(cable) }
            overlaps = OverlapFinder.find(cable: cable, decisions: decisions, text: text!)
        }
        return Review(cableID: cable.id, cableName: cable.name, policyName: policy.name, policyVersion: policy.version,
                      policyDigest: policy.digest, asOf: asOf, eligibility: eligibility, decisions: decisions,
                      overlaps: overlaps, warnings: warnings)
    }

    /// Redacts the text a redact rule matched wherever else it stands in the cable.
    private func propagate(_ redacted: [(rule: Int, range: Range<Int>)], cable: Cable, text: CableText, decisions: inout [Decision]) {
        // The engine's set, emptied and put back when done (a set made per cable cost four tables of 256
        // allocated and filled; one read in place on the engine was copied per unit).
        var needles = needleScratch ?? NeedleSet()
        needleScratch = nil
        defer {
            needles.removeAll()
            needleScratch = needles
        }
        // By rule, each rule's texts in the order found (the order the needles are tried in).
        text.bytes.withUnsafeBufferPointer { b in
            for k in redacted.indices.sorted(by: { (redacted[$0].rule, $0) < (redacted[$1].rule, $1) }) {
                let (r, range) = redacted[k]
                needles.add(UnsafeBufferPointer(rebasing: b[range]), rule: r, caseless: policy.rules[r].when.ignoreCase)
            }
        }
        for k in decisions.indices where decisions[k].action != .withhold && decisions[k].rule != "structure" {
            var found = needles.occurrences(in: text.bytes, within: text.words(of: k))
            // Each match's source bytes found once (two binary searches), not once per span of the unit
            // (a unit of routing lines holds a match and a span per line); matches dropped in place.
            if !found.isEmpty, !decisions[k].spans.isEmpty {
                found.removeAll { m in
                    let source = text.sourceRange(m.0)
                    return decisions[k].spans.contains(where: { source.overlaps($0.range) })
                }
            }
            guard !found.isEmpty else { continue }
            let pieces = redactionPieces(found, unit: k, in: text)
            guard !pieces.isEmpty else { continue }
            let spans = pieces.map { span($0.0, rule: $0.1, in: text, propagated: true) }
            let rules = Set(pieces.map(\.1)).sorted()
            if decisions[k].action == .release {
                // The redact rule now decides the unit: it is named first.
                let first = rules[0]
                decisions[k].action = .redact
                decisions[k].rule = policy.rules[first].id
                decisions[k].exemption = policy.rules[first].exemption
                decisions[k].reason = "repeats text that rule '\(policy.rules[first].id)' redacts elsewhere in the cable"
                decisions[k].matchingRules.removeAll { $0 == policy.rules[first].id }
                decisions[k].matchingRules.insert(policy.rules[first].id, at: 0)
            }
            for r in rules where !decisions[k].matchingRules.contains(policy.rules[r].id) { decisions[k].matchingRules.append(policy.rules[r].id) }
            if spans.contains(where: { $0.exemption?.isClassified == true }), let a = cable.authority?.authority, !a.isEmpty {
                decisions[k].authority = a
            }
            decisions[k].spans = (decisions[k].spans + spans).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// Merges matches (ranges of unit `k`'s words in `text`, with their rule), removes the allow list and
    /// trims spaces: the ranges of the words that are redacted, each with the first rule (file order) that
    /// covers it.
    private func redactionPieces(_ matches: [(Range<Int>, Int)], unit k: Int, in text: CableText) -> [(Range<Int>, Int)] {
        guard !matches.isEmpty else { return [] }
        var allowed: [Range<Int>] = []
        if matcher.allow.count > 0 {
            // The allow list is looked for in the unit's words alone, as the unit's own text.
            let words = text.words(of: k)
            allowed = text.bytes.withUnsafeBufferPointer { allowScanner.scan(UnsafeBufferPointer(rebasing: $0[words])) }.map {
                ($0.range.lowerBound + words.lowerBound)..<($0.range.upperBound + words.lowerBound)
            }
        }
        var pieces: [(Range<Int>, Int)] = []
        pieces.reserveCapacity(matches.count)
        for (range, rule) in matches {
            subtract(allowed, from: range) { pieces.append(($0, rule)) }
        }
        pieces.sort { ($0.0.lowerBound, $0.1) < ($1.0.lowerBound, $1.1) }
        // Merged, then trimmed (the empty ones dropped), in place: a list made for each step cost an
        // allocation or more per redacted unit.
        var merged = 0
        for i in pieces.indices {
            let p = pieces[i]
            if merged > 0, p.0.lowerBound <= pieces[merged - 1].0.upperBound {
                let last = pieces[merged - 1]
                pieces[merged - 1] = (last.0.lowerBound..<max(last.0.upperBound, p.0.upperBound), min(last.1, p.1))
            } else {
                pieces[merged] = p
                merged += 1
            }
        }
        var kept = 0
        for i in 0..<merged {
            let trimmed = trim(pieces[i].0, text.bytes)
            guard !trimmed.isEmpty else { continue }
            pieces[kept] = (trimmed, pieces[i].1)
            kept += 1
        }
        pieces.removeLast(pieces.count - kept)
        return pieces
    }

    /// The redaction span of a range of a unit's words in `text`.
    private func span(_ range: Range<Int>, rule r: Int, in text: CableText, propagated: Bool = false) -> RedactionSpan {
        let chars = text.bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return RedactionSpan(range: text.sourceRange(range), rule: ruleIDs[r], exemption: exemptions[r],
                             propagated: propagated, length: chars)
    }

    /// `scratch`, emptied with its storage kept and room for `capacity` elements, left empty in its place
    /// (so the returned array is uniquely referenced and its appends do not copy).
    @inline(__always)
    private static func takeScratch(_ scratch: inout [Int], capacity: Int) -> [Int] {
        var list: [Int] = []
        swap(&list, &scratch)
        list.removeAll(keepingCapacity: true)
        list.reserveCapacity(capacity)
        return list
    }

    /// Calls `body` on `value` in place: what a `var` built aside and then stored would copy.
    @inline(__always)
    static func inPlace<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

    /// Unit `k`'s label (`CableUnit.label`), read field by field: the getter on the unit copies it.
    @inline(__always)
    static func label(_ cable: borrowing Cable, _ k: Int) -> String {
        CableUnit.label(kind: cable.units[k].kind, number: cable.units[k].number, firstLine: cable.units[k].firstLine)
    }

    /// The words of every unit the engine judges (all but the structural ones).
    static func judgedText(_ cable: borrowing Cable) -> CableText {
        CableText(cable, including: { !DecisionEngine.isStructural($0) })
    }

    /// Calls `body` with each part of `range` that no range of `cuts` (sorted by start, as a scan gives
    /// them) covers, in order: the longest such runs, and no array per match.
    private func subtract(_ cuts: [Range<Int>], from range: Range<Int>, _ body: (Range<Int>) -> Void) {
        // An empty range overlaps no cut: it is its own part.
        guard !range.isEmpty else { return body(range) }
        var lo = range.lowerBound
        for c in cuts where c.overlaps(range) {
            if c.lowerBound > lo { body(lo..<c.lowerBound) }
            lo = max(lo, c.upperBound)
            if lo >= range.upperBound { return }
        }
        body(lo..<range.upperBound)
    }

    private func trim(_ r: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }
}

/// Substring search over bytes, optionally ignoring ASCII case; finds non-overlapping occurrences.
enum ByteSearch {
    /// With `wholeWord`, an occurrence must not continue a word on either side where the needle itself
    /// begins or ends with a letter or digit.
    static func occurrences(of needle: [UInt8], in hay: [UInt8], caseless: Bool, wholeWord: Bool = false) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        let first = caseless ? ByteText.upper(needle[0]) : needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            let c = caseless ? ByteText.upper(hay[i]) : hay[i]
            if c == first {
                var j = 1
                while j < needle.count {
                    let a = hay[i + j], b = needle[j]
                    if a != b && !(caseless && ByteText.upper(a) == ByteText.upper(b)) { break }
                    j += 1
                }
                if j == needle.count, !wholeWord || isWhole(i..<(i + needle.count), needle, hay) {
                    out.append(i..<(i + needle.count))
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Whether the occurrence `r` of `needle` in `hay` stands as a whole word (`wholeWord`).
    static func isWhole(_ r: Range<Int>, _ needle: [UInt8], _ hay: [UInt8]) -> Bool {
        isWhole(r, first: needle[0], last: needle[needle.count - 1], hay)
    }

    /// `isWhole` for a needle known by its first and last bytes.
    @inline(__always)
    static func isWhole(_ r: Range<Int>, first: UInt8, last: UInt8, _ hay: [UInt8]) -> Bool {
        if WordValues.isWordByte(first), r.lowerBound > 0, WordValues.isWordByte(hay[r.lowerBound - 1]) { return false }
        if WordValues.isWordByte(last), r.upperBound < hay.count, WordValues.isWordByte(hay[r.upperBound]) { return false }
        return true
    }
}
