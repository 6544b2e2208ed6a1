extension DecisionEngine {
    /// `structural.contains(kind)` without hashing (read per unit).
    @inline(__always)
    static func isStructural(_ kind: UnitKind) -> Bool {
        switch kind {
        case .blank, .banner, .pageBreak: true
        default: false
        }
    }

    /// `administrative.contains(kind)` without hashing (read per unit).
    @inline(__always)
    static func isAdministrative(_ kind: UnitKind) -> Bool {
        switch kind {
        case .declassification, .classifiedBy, .derivative, .handling, .tags, .signature: true
        default: false
        }
    }
}
