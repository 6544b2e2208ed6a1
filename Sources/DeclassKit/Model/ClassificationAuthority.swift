/// The `Classified By:` line: who classified the cable and for which reasons of E.O. 12958/13526 §1.4
/// (`1.4(B), 1.4(D)`), or the older §1.5; the reasons become the B1 authority of a withholding.
public struct ClassificationAuthority: Sendable, Hashable, Codable {
    /// The classifier as written (`Ambassador Richard E. Hoagland`), or `Derived from Multiple Sources`.
    public var by: String
    /// The section cited, `1.4` or `1.5`.
    public var section: String?
    /// The reason letters, lower-case and sorted (`["b", "d"]`).
    public var reasons: [String]
    /// True for `Derived from …` derivative classification.
    public var derived: Bool
    /// 1-based line where the block starts.
    public var line: Int

    public init(by: String, section: String? = nil, reasons: [String] = [], derived: Bool = false, line: Int) {
        self.by = by
        self.section = section
        self.reasons = reasons
        self.derived = derived
        self.line = line
    }

    /// The authority in the form FOIA releases print: `1.4(B), 1.4(D)`; empty when no reason was given.
    public var authority: String {
        let s = section ?? "1.4"
        return reasons.map { "\(s)(\($0.uppercased()))" }.joined(separator: ", ")
    }
}
