import DeclassKit
import Foundation
import Testing

/// Distribution captions withheld under B2 at the top of a cable are withheld again where a later section's
/// header repeats them (inside a paragraph, after a page break).
@Suite struct RepeatedDistributionTests {
    @Test(arguments: [
        ("00HARARE6677", ["NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH", "LONDON FOR CHARLES GURNEY", "PARIS FOR BISA WILLIAMS", "ACTION AF-00"]),
        ("90CAPETOWN97", ["LONDON FOR KOLKER, PARIS FOR FENDRICK"]),
    ])
    func distributionCaptionsWithheldAtTheTopAreNotReleasedInLaterSectionHeaders(_ id: String, _ captions: [String]) throws {
        let r = try release(try Fixture.corpus(id), "foia-release", "2026-11-24")
        let withheld = r.withheld.filter { $0.label.hasPrefix("distribution") && $0.exemption?.code == "B2" }.map(\.text).joined(separator: " ")
        let body = String(decoding: r.bodyBytes, as: UTF8.self)
        for caption in captions {
            #expect(withheld.contains(caption), "\(id): `\(caption)` is not withheld at the top")
            #expect(!body.contains(caption), "\(id): `\(caption)`, withheld B2 at the top, stands in the release")
        }
    }
}
