/// A rule's condition as the engine checks it per unit: bit masks and flags, so that checking it copies
/// and retains nothing (a `RuleCondition` holds sets; copying one per unit per rule retained each of them).
/// The conditions on the cable as a whole (reasons, tags, origin) are checked once per cable
/// (`CableRuleGate`), the unit's controls only for the rules that name some.
struct RuleTest {
    /// A bit per classification the condition admits (`UnitFacts.bit(of:)`): `is`, `at-least` and
    /// `at-most` together.
    let classifications: UInt8
    /// The unit kinds its `part` admits (`DecisionEngine.bit(of:)`), or every bit.
    let parts: UInt64
    /// The blocks it asks for, one of which the unit must lie in (`UnitFacts.bit(of:)`); nil: any.
    let blocks: UInt8?
    let declassified: Bool?
    let inherited: Bool?
    /// True when it names controls (checked against the unit's controls by the engine).
    let namesControls: Bool
    /// True when it names reasons, tags or origins (checked once per cable by `CableRuleGate`).
    let namesCableFacts: Bool

    /// The test of `c`; `partBits` says whether unit kinds have distinct bits (else parts are checked by
    /// the engine through the set, and `parts` admits every kind).
    init(_ c: RuleCondition, partBits: Bool) {
        var levels: UInt8 = 0
        for level in Classification.allCases {
            if let s = c.classificationIs, !s.contains(level) { continue }
            if let l = c.classificationAtLeast, level < l { continue }
            if let l = c.classificationAtMost, level > l { continue }
            levels |= UnitFacts.bit(of: level)
        }
        classifications = levels
        parts = partBits ? c.parts.map { $0.reduce(0) { $0 | DecisionEngine.bit(of: $1) } } ?? ~0 : ~0
        blocks = c.blocks.map { $0.reduce(0) { $0 | UnitFacts.bit(of: $1) } }
        declassified = c.declassified
        inherited = c.inherited
        namesControls = c.controls != nil
        namesCableFacts = c.reasons != nil || c.tags != nil || c.origins != nil
    }

    /// True when the unit's level, part, blocks, declassification and inheritance satisfy the condition
    /// (what `RuleCondition` says of them).
    @inline(__always)
    func admits(_ f: UnitFacts) -> Bool {
        if classifications & f.classificationBit == 0 || parts & f.kindBit == 0 { return false }
        if let b = blocks, b & f.blockBits == 0 { return false }
        if let d = declassified, d != f.declassified { return false }
        if let i = inherited, i != f.inherited { return false }
        return true
    }
}

/// Which rules the cable as a whole admits: their reasons, tags and origins conditions, checked once per
/// cable instead of once per unit.
struct CableRuleGate {
    /// Per rule, false when its cable-wide conditions fail; empty when no rule names any.
    private var open: [Bool] = []

    /// Checks every rule of `conditions` that names reasons, tags or origins against `cable`.
    init(_ cable: borrowing Cable, conditions: [RuleCondition], tests: [RuleTest]) {
        guard tests.contains(where: \.namesCableFacts) else { return }
        let reasons = cable.authority?.reasons ?? []
        let tags = cable.tags
        // The origin upper-cased without spaces, as `origins` compares it.
        let origin = (cable.origin ?? "").uppercased().filter { $0 != " " }
        open = conditions.map { c in
            if let r = c.reasons, !reasons.contains(where: r.contains) { return false }
            if let t = c.tags, !tags.contains(where: t.contains) { return false }
            if let o = c.origins, !o.contains(origin) { return false }
            return true
        }
    }

    /// True when rule `r`'s cable-wide conditions hold (or it has none).
    @inline(__always)
    func admits(_ r: Int) -> Bool { open.isEmpty || open[r] }
}
