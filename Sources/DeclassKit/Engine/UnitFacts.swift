/// What the rules' conditions are checked against for one unit: its level, controls, part, blocks, and
/// the cable's reasons, tags, origin and declassification at the as-of date.
struct UnitFacts {
    let classification: Classification
    let controls: [String]
    let inherited: Bool
    let kind: UnitKind
    let blocks: [BlockKind]
    let declassified: Bool
    /// What the cable as a whole offers the conditions, read once per cable.
    let shared: CableFacts

    /// The cable-wide part of the facts: computed once per cable, shared by its units.
    struct CableFacts {
        let reasons: [String]
        let tags: [String]
        /// The origin upper-cased without spaces, as `origins` compares it.
        let origin: String
        init(_ cable: borrowing Cable) {
            reasons = cable.authority?.reasons ?? []
            tags = cable.tags
            origin = (cable.origin ?? "").uppercased().filter { $0 != " " }
        }
    }

    init(cable: Cable, unit: CableUnit, declassified cableDeclassified: Bool) {
        self.init(cable: cable, shared: CableFacts(cable), unit: unit, declassified: cableDeclassified)
    }

    init(cable: borrowing Cable, shared: CableFacts, unit: borrowing CableUnit, declassified cableDeclassified: Bool) {
        self.shared = shared
        kind = unit.kind
        blocks = unit.blocks
        if let m = unit.marking {
            classification = m.classification
            controls = m.controls
            inherited = m.isInherited
        } else if DecisionEngine.isAdministrative(unit.kind) {
            classification = .unclassified
            controls = []
            inherited = true
        } else {
            // Header parts carry no mark: they take the cable's classification (fail closed).
            classification = cable.classification
            controls = cable.controls
            inherited = true
        }
        // Nothing to declassify below C; otherwise the cable's date decides.
        declassified = classification <= .sensitiveButUnclassified || cableDeclassified
    }

    func satisfies(_ c: RuleCondition) -> Bool {
        if let s = c.classificationIs, !s.contains(classification) { return false }
        if let l = c.classificationAtLeast, classification < l { return false }
        if let l = c.classificationAtMost, classification > l { return false }
        if let s = c.controls, !controls.contains(where: s.contains) { return false }
        if let d = c.declassified, d != declassified { return false }
        if let i = c.inherited, i != inherited { return false }
        if let r = c.reasons, !shared.reasons.contains(where: r.contains) { return false }
        if let p = c.parts, !p.contains(kind) { return false }
        if let b = c.blocks, !blocks.contains(where: b.contains) { return false }
        if let t = c.tags, !shared.tags.contains(where: t.contains) { return false }
        if let o = c.origins, !o.contains(shared.origin) { return false }
        return true
    }
}
