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

extension DecisionEngine {
    /// A bit of its own for each unit kind (its case's place in the declaration), read without hashing.
    @inline(__always)
    static func bit(of kind: UnitKind) -> UInt64 {
        1 << UInt64(ordinal(kind) & 63)
    }

    /// The case's tag: a payload-free enum of fewer than 256 cases is one byte holding it.
    @inline(__always)
    private static func ordinal(_ kind: UnitKind) -> UInt8 {
        withUnsafeBytes(of: kind) { $0[0] }
    }
}

extension DecisionEngine {
    /// Whether every unit kind has a bit of its own (else the engine checks `parts` through the set).
    static let kindBitsAreDistinct: Bool =
        MemoryLayout<UnitKind>.size == 1 && Set(UnitKind.allCases.map { bit(of: $0) }).count == UnitKind.allCases.count
}
