import DeclassKit
import Foundation
import Testing

/// Banners recomputed from what a release keeps: the top banner, the stamp's first line, a denied cable's
/// banner, and the banner repeats on page breaks.
@Suite struct BannerTests {
    /// The release's lines after the stamp.
    func body(_ r: Release) -> [String] {
        String(decoding: r.bodyBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The source's lines.
    func sourceLines(_ file: String) throws -> [String] {
        String(decoding: try Fixture.bytes(file), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: 09ASTANA1000 (C, DECL 06/10/2019) as of 2026-11-24

    @Test func aDeclassifiedCableNoLongerCarriesItsOriginalLevelOnTheTopBanner() throws {
        let r = try release(try Fixture.seed("09ASTANA1000"), "foia-release", "2026-11-24")
        #expect(r.review.eligibility.isDeclassified(on: day("2026-11-24")))
        let banner = try #require(body(r).first { $0.hasSuffix("SECTION 01 OF 04 ASTANA 001000") })
        #expect(!banner.contains("C O N F I D E N T I A L") && !banner.contains("CONFIDENTIAL"), "\(banner)")
    }

    /// ¶3 is marked (SBU) and released: the issue says "all released portions U or declassified →
    /// UNCLASSIFIED; SBU stays marked SBU", so the release is SBU, not UNCLASSIFIED (see the report).
    @Test func aDeclassifiedCableThatReleasesAnSBUPortionIsMarkedSBUOnItsTopBannerAndStamp() throws {
        let r = try release(try Fixture.seed("09ASTANA1000"), "foia-release", "2026-11-24")
        #expect(r.text.classification.level == .sensitiveButUnclassified)
        #expect(body(r).contains("S E N S I T I V E   B U T   U N C L A S S I F I E D SECTION 01 OF 04 ASTANA 001000"))
        #expect(r.lines.first == "SENSITIVE BUT UNCLASSIFIED")
    }

    @Test func aDeclassifiedCableWithoutSBUPortionsIsUnclassifiedOnItsTopBannerAndStamp() throws {
        // 09ASTANA435 as of 2029-03-13: DECL 03/12/2029 has passed, every portion is (C).
        let r = try release(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        #expect(r.lines.first == "UNCLASSIFIED")
        #expect(body(r).contains("U N C L A S S I F I E D SECTION 01 OF 03 ASTANA 000435"))
        #expect(!body(r).contains { $0.contains("C O N F I D E N T I A L") })
    }

    @Test func theStampsFirstLineIsTheRecomputedBannerWords() throws {
        for (cable, asOf) in [("09ASTANA435", "2026-11-24"), ("09ASTANA435", "2029-03-13"), ("09ASTANA1000", "2026-11-24")] {
            let r = try release(try Fixture.seed(cable), "foia-release", asOf)
            #expect(r.lines.first == r.text.classification.bannerText, "\(cable) \(asOf)")
        }
    }

    @Test func aBannerIsKeptAsWrittenWhenNothingIsWithheldAndNothingDeclassified() throws {
        // release-all before the DECL date: the banner and stamp keep the cable's own level.
        let r = try release(try Fixture.seed("09ASTANA435"), "release-all", "2009-03-13")
        #expect(r.lines.first == "CONFIDENTIAL")
        #expect(body(r).contains("C O N F I D E N T I A L SECTION 01 OF 03 ASTANA 000435"))
    }

    // MARK: 08ABUJA320 (S//NF) withheld in full as of 2026-11-24

    @Test func aSecretNoforNCableDeniedInFullIsUnclassifiedWithoutNOFORNOnItsBannerLineAndStamp() throws {
        let r = try release(try Fixture.corpus("08ABUJA320"), "foia-release", "2026-11-24")
        #expect(r.review.disposition == .deniedInFull)
        #expect(r.lines.first == "UNCLASSIFIED")
        let banner = try #require(body(r).first { $0.contains("SECTION 01 OF 02 ABUJA 000320") })
        #expect(banner == "U N C L A S S I F I E D SECTION 01 OF 02 ABUJA 000320 ")
        #expect(!banner.contains("NOFORN") && !banner.contains("NF"))
    }

    @Test func aSecretNoforNClassificationLineLosesNOFORNWhenTheReleaseIsUnclassified() throws {
        // 09NAIROBI2497's archive header says `SECRET//NOFORN` (line 17); the cable is declassified by 2026-11-24.
        let r = try release(try Fixture.corpus("09NAIROBI2497"), "foia-release", "2026-11-24")
        #expect(r.lines.first == "UNCLASSIFIED")
        let lines = body(r)
        let at = try #require(lines.firstIndex(of: "Embassy Nairobi"))
        #expect(Array(lines[at...(at + 2)]) == ["Embassy Nairobi", "UNCLASSIFIED", "09NAIROBI2487|09STATE122115"])
        #expect(!body(r).contains { $0.contains("NOFORN") })
    }

    @Test func aDeniedCableKeepsTheMarksOfItsWithheldParagraphs() throws {
        let r = try release(try Fixture.corpus("08ABUJA320"), "foia-release", "2026-11-24")
        #expect(body(r).contains("¶1. (S//NF) [WITHHELD B1 1.4(B), 1.4(C), 1.4(D)] "))
        #expect(body(r).contains("¶6. (C//NF) [WITHHELD B1 1.4(B), 1.4(C), 1.4(D)] "))
    }

    // MARK: 00HARARE6677 (C, DECL 11/29/10) and 90CAPETOWN97 (C, OADR, 1990 + 25 years) as of 2026-11-24

    func harare() throws -> (source: [String], body: [String], release: Release) {
        let r = try release(try Fixture.corpus("00HARARE6677"), "foia-release", "2026-11-24")
        #expect(r.review.eligibility.isDeclassified(on: day("2026-11-24")))
        #expect(r.lines.first == "UNCLASSIFIED")
        return (try sourceLines("corpus/00HARARE6677.txt"), body(r), r)
    }

    /// release-all with foia-release's automatic declassification after 25 years.
    static let releaseAllDeclassifying = """
        policy: release-all-declassifying
        version: 1
        default: release
        automatic-declassification: { after-years: 25 }
        rules:
          - id: release-unknown-markings
            when: { classification: { is: [unknown] } }
            action: release
        """

    /// The source's lines and the lines of its release under `releaseAllDeclassifying` as of 2026-11-24:
    /// nothing is withheld, so the lines correspond one to one, and the cable is declassified, so its
    /// banners are rewritten.
    func aligned(_ id: String) throws -> (source: [String], body: [String]) {
        let engine = try DecisionEngine(policy: try PolicyLoader.parse(Self.releaseAllDeclassifying, file: "release-all-declassifying.yaml"))
        let r = Release(cable: try Fixture.corpus(id), engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
        #expect(!r.review.withholdsAnything)
        #expect(r.review.eligibility.isDeclassified(on: day("2026-11-24")))
        #expect(r.lines.first == "UNCLASSIFIED")
        let source = try sourceLines("corpus/\(id).txt")
        let body = body(r)
        #expect(body.count == source.count)
        return (source, body)
    }

    @Test func bannerRepeatsGluedToTheEndOfAParagraphLineAreRecomputed() throws {
        let (source, body, _) = try harare()
        // `…ESSENTIALLY, A  CONFIDENTIAL` (line 53), ¶6 (75), `…AFTER INITIALLY  CONFIDENTIAL` (88), before `PAGE nn`.
        let glued = source.indices.filter {
            source[$0].hasSuffix(" CONFIDENTIAL") && source[$0].trimmingCharacters(in: .whitespaces) != "CONFIDENTIAL"
                && $0 + 1 < source.count && source[$0 + 1].hasPrefix("PAGE ")
        }
        #expect(glued.map { $0 + 1 } == [53, 75, 88])
        for i in glued {
            let expected = String(source[i].dropLast("CONFIDENTIAL".count)) + "UNCLASSIFIED"
            #expect(body.contains(expected), "line \(i + 1): not recomputed")
            #expect(!body.contains(source[i]), "line \(i + 1): kept as CONFIDENTIAL")
        }
    }

    @Test(arguments: [("00HARARE6677", [6, 35, 43, 62, 63, 96, 97, 114, 118]), ("90CAPETOWN97", [1, 41, 43, 80, 82, 123])])
    func bannerRepeatLinesOnPageBreaksAreRecomputed(_ id: String, _ expectedLines: [Int]) throws {
        let (source, body) = try aligned(id)
        // ` CONFIDENTIAL`, `CONFIDENTIAL ` and ` CONFIDENTIAL PTQ1865` on a line of their own.
        let repeats = source.indices.filter {
            let t = source[$0].trimmingCharacters(in: .whitespaces)
            return t == "CONFIDENTIAL" || t.hasPrefix("CONFIDENTIAL ") && t.dropFirst("CONFIDENTIAL ".count).trimmingCharacters(in: .whitespaces).hasPrefix("PTQ")
        }
        #expect(repeats.map { $0 + 1 } == expectedLines)
        let kept = repeats.filter { body[$0] != source[$0].replacingOccurrences(of: "CONFIDENTIAL", with: "UNCLASSIFIED") }.map { $0 + 1 }
        #expect(kept == [], "\(id): banner repeats left CONFIDENTIAL at source lines \(kept)")
    }

    @Test(arguments: [("00HARARE6677", [27, 66, 100]), ("90CAPETOWN97", [22, 140])])
    func theSectionBannersOfLaterSectionsAreRecomputed(_ id: String, _ expectedLines: [Int]) throws {
        let (source, body) = try aligned(id)
        let sections = source.indices.filter { source[$0].hasPrefix("C O N F I D E N T I A L SECTION") }
        #expect(sections.map { $0 + 1 } == expectedLines)
        let kept = sections.filter {
            body[$0] != source[$0].replacingOccurrences(of: "C O N F I D E N T I A L", with: "U N C L A S S I F I E D")
        }.map { $0 + 1 }
        #expect(kept == [], "\(id): section banners left CONFIDENTIAL at source lines \(kept)")
    }

    @Test func theHeaderBannerOfAnOldTelegramIsRecomputed() throws {
        let (_, body, _) = try harare()
        #expect(body.contains("                           UNCLASSIFIED     PTQ1859"))
    }

    /// Every corpus cable and seed under foia-release as of 2026-11-24: when the release is UNCLASSIFIED, no
    /// banner line (top, section, page-break repeat) still says CONFIDENTIAL or SECRET.
    @Test func anUnclassifiedReleaseHasNoClassifiedBannerLineLeft() throws {
        let engine = try Fixture.engine("foia-release")
        var found: [String] = []
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try Fixture.cable(file)
            let r = Release(cable: cable, engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
            guard r.text.classification.level == .unclassified, cable.classification != .unknown else { continue }
            for (n, line) in body(r).enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                let spaced = t.hasPrefix("C O N F I D E N T I A L") || t.hasPrefix("S E C R E T")
                let plain = t == "CONFIDENTIAL" || t == "SECRET" || t.hasPrefix("CONFIDENTIAL PTQ") || t.hasPrefix("SECRET PTQ")
                    || t.hasSuffix("  CONFIDENTIAL") || t.hasSuffix("  SECRET")
                if spaced || plain { found.append("\(file) body line \(n + 1): \(t.prefix(60))") }
            }
        }
        #expect(found == [], "\(found.count) classified banner lines left:\n\(found.joined(separator: "\n"))")
    }
}
