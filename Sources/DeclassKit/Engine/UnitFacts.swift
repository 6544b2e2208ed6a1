/// What the rules' conditions are checked against for one unit, as bits: its level, part, blocks,
/// inheritance and declassification at the as-of date. Plain values: nothing retained per unit (its
/// controls are read from the unit only for rules that name controls, `controls(cable:unit:)`).
struct UnitFacts {
    let classification: Classification
    /// `bit(of: classification)`.
    let classificationBit: UInt8
    let inherited: Bool
    /// `DecisionEngine.bit(of: kind)`.
    let kindBit: UInt64
    /// A bit per block the unit lies in (`bit(of:)`).
    let blockBits: UInt8
    let declassified: Bool

    init(cable: borrowing Cable, unit: borrowing CableUnit, declassified cableDeclassified: Bool) {
        kindBit = DecisionEngine.bit(of: unit.kind)
        var blocks: UInt8 = 0
        for b in unit.blocks { blocks |= UnitFacts.bit(of: b) }
        blockBits = blocks
        if let m = unit.marking {
            classification = m.classification
            inherited = m.isInherited
        } else if DecisionEngine.isAdministrative(unit.kind) {
            classification = .unclassified
            inherited = true
        } else {
            // Header parts carry no mark: they take the cable's classification (fail closed).
            classification = cable.classification
            inherited = true
        }
        classificationBit = UnitFacts.bit(of: classification)
        // Nothing to declassify below C; otherwise the cable's date decides.
        declassified = classification <= .sensitiveButUnclassified || cableDeclassified
    }

    /// The unit's controls, as the conditions compare them: its marking's, none for administrative parts,
    /// else the cable's (header parts take the banner's).
    static func controls(cable: borrowing Cable, unit: borrowing CableUnit) -> [String] {
        if let m = unit.marking { return m.controls }
        return DecisionEngine.isAdministrative(unit.kind) ? [] : cable.controls
    }

    /// A bit of its own for each level (`unknown`, 99, takes bit 7).
    @inline(__always)
    static func bit(of level: Classification) -> UInt8 { 1 << UInt8(min(level.rawValue, 7)) }

    /// A bit of its own for each block kind.
    @inline(__always)
    static func bit(of block: BlockKind) -> UInt8 {
        switch block {
        case .summary: 1
        case .comment: 2
        case .note: 4
        }
    }
}
