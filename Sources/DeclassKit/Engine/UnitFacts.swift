/// What the rules' conditions are checked against for one unit: its level, controls, part, blocks, and
/// the cable's reasons, tags, origin and declassification at the as-of date.
struct UnitFacts {
    let classification: Classification
    let controls: [String]
    let inherited: Bool
    let kind: UnitKind
    let blocks: [BlockKind]
    let declassified: Bool
    let cable: Cable

    init(cable: Cable, unit: CableUnit, declassified cableDeclassified: Bool) {
        self.cable = cable
        kind = unit.kind
        blocks = unit.blocks
        if let m = unit.marking {
            classification = m.classification
            controls = m.controls
            inherited = m.isInherited
        } else if DecisionEngine.administrative.contains(unit.kind) {
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
        if let r = c.reasons, !(cable.authority?.reasons ?? []).contains(where: r.contains) { return false }
        if let p = c.parts, !p.contains(kind) { return false }
        if let b = c.blocks, !blocks.contains(where: b.contains) { return false }
        if let t = c.tags, !cable.tags.contains(where: t.contains) { return false }
        if let o = c.origins, !o.contains((cable.origin ?? "").uppercased().filter { $0 != " " }) { return false }
        return true
    }
}
