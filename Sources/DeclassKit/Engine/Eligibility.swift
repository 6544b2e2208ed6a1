/// When a cable becomes declassified by date under a policy: its own DECL date, or automatic
/// declassification on 31 December of the year it turns 25 (E.O. 13526 §3.3), whichever comes first;
/// or never by date, with the reasoning a reviewer can check.
public struct Eligibility: Sendable, Hashable, Codable {
    /// The basis of the date.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The cable's own declassification date.
        case declassificationDate = "declassification-date"
        /// Automatic declassification after the policy's number of years.
        case automatic
        /// The cable says it was already declassified (`DECLASSIFIED JUNE 21, 2006`).
        case declassified
        /// No date declassifies it (OADR, MR, exemptions, events, unreadable lines).
        case never
    }

    /// The date the cable's classified portions count as declassified from, or nil (never by date).
    public var date: CivilDate?
    public var basis: Basis
    /// Why, in a sentence a reviewer reads (`DECL: 03/12/2029 (E.O. 12958)`).
    public var reasoning: String

    /// True when the cable is declassified on `asOf`.
    public func isDeclassified(on asOf: CivilDate) -> Bool { date.map { $0 <= asOf } ?? false }

    /// Computes a cable's eligibility; `automaticYears` is the policy's setting (nil: off). The reasoning
    /// is joined from its pieces in one buffer (`String(joining:)`): built by interpolation and `+`, its
    /// appends cost more than deciding a short cable's units.
    public init(_ cable: borrowing Cable, automaticYears: Int?) {
        let d = cable.declassification
        let written = d.written.isEmpty ? d.kind.rawValue : String(joining: "'", d.written, "'")
        var own: CivilDate?
        var ownReason: String
        var exempt = !d.exemptions.isEmpty
        switch d.kind {
        case .date:
            own = d.exemptions.isEmpty ? d.date : nil
            ownReason = own.map { String(joining: "declassification date ", $0.description, " from ", written) }
                ?? String(joining: written, " names exemption ", d.exemptions.joined(separator: ", "))
        case .declassified:
            own = d.date
            ownReason = String(joining: "already declassified on ", d.date?.description ?? "?", " (", written, ")")
        case .notApplicable:
            ownReason = String(joining: written, ": not applicable (unclassified when written); no declassification date")
        case .oadr:
            ownReason = "OADR (originating agency's determination required): no date"
        case .manualReview:
            ownReason = "MR (manual review): no date"
        case .exemption:
            ownReason = String(joining: "exempt from declassification by date: ", d.exemptions.joined(separator: ", "))
        case .xgds:
            exempt = true
            ownReason = String(joining: written, ": exempt from the General Declassification Schedule")
        case .rds:
            exempt = true
            ownReason = String(joining: written, ": review for declassification, not a release date")
        case .gds:
            ownReason = d.date.map { String(joining: written, ": General Declassification Schedule, reviewed on ", $0.description, "; not a release date") }
                ?? String(joining: written, ": General Declassification Schedule without a date")
        case .downgrade:
            ownReason = String(joining: written, ": a downgrade date, not a declassification date")
        case .event:
            ownReason = String(joining: written, ": declassification on an event, not a date")
        case .sourceMarked:
            exempt = exempt || d.exemptions.isEmpty
            ownReason = d.exemptions.isEmpty ? "declassification follows the sources' markings, which are not given"
                : String(joining: "declassification follows the sources' markings: ", d.exemptions.joined(separator: ", "))
        case .unparsed:
            exempt = true
            ownReason = String(joining: "unreadable declassification line ", written, ": never declassified by date (fail closed)")
        case .missing:
            exempt = true
            ownReason = "no E.O. line: never declassified by date (fail closed)"
        }
        var auto: CivilDate?
        if let years = automaticYears, !exempt, let year = cable.date?.year {
            auto = CivilDate(year: year + years, month: 12, day: 31)
        }
        /// What automatic declassification does, written only when the reasoning quotes it (not when the
        /// cable's own date stands beside an automatic one).
        func autoReason() -> String {
            guard let years = automaticYears else { return "" }
            if exempt {
                return String(joining: "; automatic declassification does not apply (",
                              d.exemptions.isEmpty ? "fail closed" : String(joining: "exemption ", d.exemptions.joined(separator: ", ")), ")")
            }
            guard let auto else { return "; automatic declassification cannot be dated (the cable has no date)" }
            return String(joining: "; automatic declassification after ", String(years), " years on ", auto.description, " (E.O. 13526 §3.3)")
        }
        switch (own, auto) {
        case let (o?, a?) where a < o:
            date = a
            basis = .automatic
            reasoning = String(joining: "eligible on ", a.description, ": automatic declassification after ", String(automaticYears!),
                               " years (E.O. 13526 §3.3), before its own date (", ownReason, ")")
        case let (o?, _):
            date = o
            basis = d.kind == .declassified ? .declassified : .declassificationDate
            reasoning = String(joining: "eligible on ", o.description, ": ", ownReason, auto == nil ? autoReason() : "")
        case let (nil, a?):
            date = a
            basis = .automatic
            reasoning = String(joining: "eligible on ", a.description, ": ", ownReason, autoReason())
        case (nil, nil):
            date = nil
            basis = .never
            reasoning = String(joining: "never by date: ", ownReason, autoReason())
        }
    }
}
