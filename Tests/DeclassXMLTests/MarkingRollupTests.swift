import DeclassKit
import DeclassXML
import Foundation
import Testing

/// IC-ISM's roll-up rule for releases: no part a release shows is marked above the document itself.
@Suite struct MarkingRollupTests {
    static let order = ["U": 0, "C": 1, "S": 2, "TS": 3]

    @Test(arguments: ["2026-11-24", "2036-01-01"])
    func noReleasedPartStandsAboveTheDocument(asOf: String) throws {
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try Fixture.cable(file)
            for policy in Fixture.policies {
                let (_, exported) = try export(cable, policy, asOf)
                let root = try #require(Self.order[exported.document.marking.classification])
                for part in exported.document.parts where part.disposition != .withheld {
                    guard let marking = part.marking else { continue }  // banners and page breaks carry none
                    let level = try #require(Self.order[marking.classification])
                    #expect(level <= root, "\(file) \(policy) \(asOf): \(part.label) is \(marking.classification) in a \(exported.document.marking.classification) release")
                }
            }
        }
    }

    @Test func routingLinesOfTheSeedReleaseAreMarkedAtTheReleaseLevel() throws {
        let (_, exported) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "foia-release", "2026-11-24")
        let from = try #require(exported.document.parts.first { $0.part == "from" })
        #expect(from.marking?.classification == "U")
        #expect(from.marking?.markSource == "release")
        #expect(exported.document.marking.classification == "U")
    }
}
