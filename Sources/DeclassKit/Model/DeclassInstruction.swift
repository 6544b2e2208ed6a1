/// The declassification instruction of a cable's `E.O.` line, under whichever executive order the cable
/// was written: a date, an event, an exemption, or one of the old schedules (GDS, XGDS, RDS, OADR, MR).
///
/// Only `.date`, `.declassified` and a dated `.gds` can ever make a cable declassified by date; everything
/// else (and anything unreadable) fails closed.
public struct DeclassInstruction: Sendable, Hashable, Codable {
    /// What the instruction says.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `DECL: 03/12/2029` — declassify on that date.
        case date
        /// `N/A` — not applicable (an unclassified cable).
        case notApplicable = "not-applicable"
        /// `OADR` — Originating Agency's Determination Required (E.O. 12356): no date.
        case oadr
        /// `MR` — manual review: no date.
        case manualReview = "manual-review"
        /// `X1`…`X8`, `25X1`…, `1.6X1`, `50X1-HUM`: exempt from declassification by date.
        case exemption
        /// E.O. 11652/12065 General Declassification Schedule (`GDS`, `GDS 12/31/84`).
        case gds
        /// E.O. 11652 exempt from the GDS (`XGDS-2`): no date.
        case xgds
        /// E.O. 12065 review for declassification (`RDS-4 6/5/99`): a review date, not a release date.
        case rds
        /// `DNG: CO 01/26/2021` — downgrade on a date; not a declassification.
        case downgrade
        /// The text says the cable has already been declassified (`DECLASSIFIED JUNE 21, 2006`).
        case declassified
        /// An event, not a date (`TEN YEARS AFTER KOREAN UNIFICATION`).
        case event
        /// The derivative form `Declassify on: Source marked 25X1-human, Date of source: …`.
        case sourceMarked = "source-marked"
        /// There is an E.O. line but it could not be read.
        case unparsed
        /// The cable has no E.O. line at all.
        case missing
    }

    public var kind: Kind
    /// The executive order named (`12958`, `13526`, `12356`, `12065`, `11652`), when written.
    public var order: String?
    /// The date: declassify on (date, GDS), review on (RDS), downgrade on, or declassified on.
    public var date: CivilDate?
    /// Exemption codes in canonical form (`X1`, `25X1`, `25X1-HUMAN`, `50X1-HUM`).
    public var exemptions: [String]
    /// The instruction as written after the order (`DECL: 03/12/2029`).
    public var written: String
    /// 1-based line of the E.O. line in the input, when there is one.
    public var line: Int?

    public init(kind: Kind, order: String? = nil, date: CivilDate? = nil, exemptions: [String] = [], written: String = "", line: Int? = nil) {
        self.kind = kind
        self.order = order
        self.date = date
        self.exemptions = exemptions
        self.written = written
        self.line = line
    }

    /// The date on which this instruction by itself declassifies the cable, or nil (never by date).
    public var declassifiesOn: CivilDate? {
        switch kind {
        case .date, .gds, .declassified: return exemptions.isEmpty ? date : nil
        default: return nil
        }
    }
}
