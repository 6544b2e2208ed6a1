import Foundation
@testable import DeclassKit
import Testing

/// `Eligibility`'s reasoning, joined from its pieces (`String(joining:)`): the text interpolation and `+`
/// gave, for every kind of E.O. line, with and without exemptions, dates and automatic declassification.
@Suite struct EligibilityReasoningTests {
    /// The reasoning as it was written before, by interpolation and `+`: the reference.
    static func reference(_ cable: Cable, automaticYears: Int?) -> String {
        let d = cable.declassification
        let written = d.written.isEmpty ? d.kind.rawValue : "'\(d.written)'"
        var own: CivilDate?
        var ownReason: String
        var exempt = !d.exemptions.isEmpty
        switch d.kind {
        case .date:
            own = d.exemptions.isEmpty ? d.date : nil
            ownReason = own.map { "declassification date \($0) from \(written)" } ?? "\(written) names exemption \(d.exemptions.joined(separator: ", "))"
        case .declassified:
            own = d.date
            ownReason = "already declassified on \(d.date?.description ?? "?") (\(written))"
        case .notApplicable:
            ownReason = "\(written): not applicable (unclassified when written); no declassification date"
        case .oadr:
            ownReason = "OADR (originating agency's determination required): no date"
        case .manualReview:
            ownReason = "MR (manual review): no date"
        case .exemption:
            ownReason = "exempt from declassification by date: \(d.exemptions.joined(separator: ", "))"
        case .xgds:
            exempt = true
            ownReason = "\(written): exempt from the General Declassification Schedule"
        case .rds:
            exempt = true
            ownReason = "\(written): review for declassification, not a release date"
        case .gds:
            ownReason = d.date.map { "\(written): General Declassification Schedule, reviewed on \($0); not a release date" } ?? "\(written): General Declassification Schedule without a date"
        case .downgrade:
            ownReason = "\(written): a downgrade date, not a declassification date"
        case .event:
            ownReason = "\(written): declassification on an event, not a date"
        case .sourceMarked:
            exempt = exempt || d.exemptions.isEmpty
            ownReason = "declassification follows the sources' markings" + (d.exemptions.isEmpty ? ", which are not given" : ": \(d.exemptions.joined(separator: ", "))")
        case .unparsed:
            exempt = true
            ownReason = "unreadable declassification line \(written): never declassified by date (fail closed)"
        case .missing:
            exempt = true
            ownReason = "no E.O. line: never declassified by date (fail closed)"
        }
        var auto: CivilDate?
        if let years = automaticYears, !exempt, let year = cable.date?.year {
            auto = CivilDate(year: year + years, month: 12, day: 31)
        }
        func autoReason() -> String {
            guard let years = automaticYears else { return "" }
            if exempt {
                return "; automatic declassification does not apply (\(d.exemptions.isEmpty ? "fail closed" : "exemption " + d.exemptions.joined(separator: ", ")))"
            }
            guard let auto else { return "; automatic declassification cannot be dated (the cable has no date)" }
            return "; automatic declassification after \(years) years on \(auto) (E.O. 13526 §3.3)"
        }
        switch (own, auto) {
        case let (o?, a?) where a < o:
            return "eligible on \(a): automatic declassification after \(automaticYears!) years (E.O. 13526 §3.3), before its own date (\(ownReason))"
        case let (o?, _):
            return "eligible on \(o): \(ownReason)" + (auto == nil ? autoReason() : "")
        case let (nil, a?):
            return "eligible on \(a): \(ownReason)" + autoReason()
        case (nil, nil):
            return "never by date: \(ownReason)" + autoReason()
        }
    }

    static let kinds: [DeclassInstruction.Kind] = [.date, .notApplicable, .oadr, .manualReview, .exemption, .gds, .xgds, .rds, .downgrade,
                                                   .declassified, .event, .sourceMarked, .unparsed, .missing]

    @Test func everyKindOfLineGivesTheReferenceReasoning() throws {
        var cable = try Fixtures.corpus(try #require(Fixtures.corpusFiles().first).deletingPathExtension().lastPathComponent)
        var checked = 0
        for kind in Self.kinds {
            for exemptions in [[], ["25X1"], ["25X1", "25X6-HUM"]] {
                for written in ["", "DECL: 03/12/2029 – déjà"] {
                    for date in [nil, CivilDate(year: 2029, month: 3, day: 12), CivilDate(year: 1999, month: 1, day: 2)] {
                        for cableDate in [nil, CivilDate(year: 2007, month: 1, day: 29), CivilDate(year: 1960, month: 5, day: 1)] {
                            for years in [nil, 25, 10] {
                                cable.declassification = DeclassInstruction(kind: kind, date: date, exemptions: exemptions, written: written)
                                cable.date = cableDate
                                let reasoning = Eligibility(cable, automaticYears: years).reasoning
                                #expect(reasoning == Self.reference(cable, automaticYears: years), "\(kind) \(exemptions) \(written) \(String(describing: date))")
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked == Self.kinds.count * 3 * 2 * 3 * 3 * 3)
    }

    @Test func corpusCablesGiveTheReferenceReasoning() throws {
        for url in try Fixtures.corpusFiles() {
            let cable = try CableParser.parse([UInt8](try Data(contentsOf: url)), name: url.lastPathComponent)
            for years in [nil, 25] {
                #expect(Eligibility(cable, automaticYears: years).reasoning == Self.reference(cable, automaticYears: years), "\(url.lastPathComponent)")
            }
        }
    }

    @Test func joiningPiecesGivesTheirConcatenation() {
        #expect(String(joining: "a", "", "déjà ", "§3.3") == "a" + "" + "déjà " + "§3.3")
        #expect(String(joining: "", "") == "")
        #expect(String(joining: String(repeating: "x", count: 40), "y") == String(repeating: "x", count: 40) + "y")
    }
}
