@testable import DeclassKit
import Testing

/// `CableUnit.label`, written into one buffer: what joining the kind's name, `@` and the line by `+` gives.
@Suite struct UnitLabelTests {
    /// The label as `+` writes it: the reference.
    static func reference(_ kind: UnitKind, number: Int?, firstLine: Int) -> String {
        if kind == .paragraph, let n = number { return "¶" + String(n) }
        if kind == .paragraph { return "paragraph@" + String(firstLine) }
        // The parts a cable has at most one of are named without their line.
        let singletons: [UnitKind] = [.banner, .declassification, .tags, .subject, .references, .classifiedBy, .derivative, .signature, .from, .dateTimeGroup]
        return singletons.contains(kind) ? kind.rawValue : kind.rawValue + "@" + String(firstLine)
    }

    @Test func everyKindAtAnyLineIsNamedAsTheReferenceNamesIt() {
        var lined = 0
        for kind in UnitKind.allCases {
            for line in [0, 1, 9, 10, 51, 99, 100, 12345, -1, -40] {
                for number in [nil, 0, 7, 99, 100, 1234, -3] as [Int?] {
                    let label = CableUnit.label(kind: kind, number: number, firstLine: line)
                    #expect(label == Self.reference(kind, number: number, firstLine: line), "\(kind) \(line) \(String(describing: number))")
                    if label.contains("@") { lined += 1 }
                }
            }
        }
        #expect(lined > 100)
    }

    @Test func aHeadingIsNamedByItsLine() {
        #expect(CableUnit.label(kind: .heading, number: nil, firstLine: 51) == "heading@51")
    }
}
