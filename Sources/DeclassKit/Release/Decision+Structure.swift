extension Decision {
    /// True when the engine's own `structure` rule decided the unit (`rule == "structure"`): the length is
    /// tested first, so that the policy's rules (most ids longer than nine bytes) are told apart without the
    /// string comparison (~45 instructions each, twice a decision in `Release` alone).
    var isStructure: Bool {
        guard let r = rule else { return false }
        return r.utf8.count == 9 && r == "structure"
    }
}
