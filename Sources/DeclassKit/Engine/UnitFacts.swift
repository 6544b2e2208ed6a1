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

    /// The facts of `cable.units[k]`, read field by field (passing the unit would copy it).
    init(cable: borrowing Cable, unit k: Int, declassified cableDeclassified: Bool) {
        let kind = cable.units[k].kind
        kindBit = DecisionEngine.bit(of: kind)
        var blocks: UInt8 = 0
        for b in cable.units[k].blocks { blocks |= UnitFacts.bit(of: b) }
        blockBits = blocks
        if let level = cable.units[k].marking?.classification {
            classification = level
            inherited = cable.units[k].marking?.isInherited ?? true
        } else if DecisionEngine.isAdministrative(kind) {
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
    static func controls(cable: borrowing Cable, unit k: Int) -> [String] {
        if let controls = cable.units[k].marking?.controls { return controls }
        return DecisionEngine.isAdministrative(cable.units[k].kind) ? [] : cable.controls
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
