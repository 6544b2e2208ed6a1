import DeclassTestSupport
import Testing
@testable import DeclassKit

/// `Review.stampLine`, written as bytes in one pass over the decisions, against the line joined from
/// `exemptions` and each B1's authority as strings, for every corpus and seed cable under every policy at
/// three dates; and `ReleaseText.sameControls` against the set comparison it stands for.
@Suite struct StampLineTests {
    /// The exemption line as strings: the exemptions applied, B1 followed by the first authority given with it.
    static func referenceExemptions(_ r: Review) -> String {
        var parts: [String] = []
        for e in r.exemptions {
            parts.append(e.code)
            if e.isClassified, let a = r.decisions.first(where: { $0.exemption == e && $0.authority != nil })?.authority { parts.append(a) }
        }
        return parts.joined(separator: ", ")
    }

    /// The stamp line as strings.
    static func reference(_ r: Review) -> String {
        let line = referenceExemptions(r)
        return r.disposition == .releaseInFull || line.isEmpty ? r.disposition.stampWords : "\(r.disposition.stampWords) \(line)"
    }

    @Test func theStampLineIsTheOneJoinedFromTheExemptionsForEveryCorpusRelease() throws {
        var checked = 0
        for policy in ["foia-release", "public-summary", "declassify-by-date", "release-all"] {
            let engine = try Fixture.engine(policy)
            for file in try Fixture.corpusFiles() + Fixture.seedFiles {
                let cable = try Fixture.cable(file)
                for asOf in ["2010-01-01", "2026-11-24", "2040-01-01"] {
                    let review = engine.decide(cable, asOf: day(asOf))
                    #expect(review.stampLine == Self.reference(review), "\(file) \(policy) \(asOf)")
                    #expect(review.exemptionLine == Self.referenceExemptions(review), "\(file) \(policy) \(asOf)")
                    checked += 1
                }
            }
        }
        #expect(checked == 4 * 3 * (try Fixture.corpusFiles().count + Fixture.seedFiles.count))
    }

    @Test func sameControlsIsTheSetComparisonOfTheKeptAndTheBannerBorneControls() {
        let pool = ["NOFORN", "ORCON", "PROPIN", "FOUO", "REL TO USA, GBR", "REL TO AUS", "NF", "EXDIS", "LIMDIS", "SIPDIS"]
        var rng = SplitMix64(seed: 7)
        for _ in 0 ..< 2000 {
            let kept = (0 ..< Int(rng.next() % 4)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            let cable = (0 ..< Int(rng.next() % 5)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            let expected = Set(kept) == Set(cable.filter { ["NOFORN", "ORCON", "PROPIN", "FOUO"].contains($0) || $0.hasPrefix("REL TO") })
            #expect(ReleaseText.sameControls(kept, cable) == expected, "\(kept) \(cable)")
        }
    }
}
