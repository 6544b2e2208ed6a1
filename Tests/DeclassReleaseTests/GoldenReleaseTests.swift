import DeclassKit
import Foundation
import Testing

// Golden release texts of the two seed cables under foia-release.yaml, as of 2026-11-24 and 2029-03-13,
// built with fixed reviewer fields (goldenOptions: case F-2026-01234, doc C05512345, review authority
// "Jane Doe, Senior Reviewer", release date 2026-11-27). Generated once with the library
// (DECLASS_UPDATE_GOLDEN=1), then reviewed line by line against the input, issue 5 and DESIGN.md "Outputs":
//
// Every file — the stamp is 5 lines and a blank line: (1) the recomputed classification, (2) "U.S.
// Department of State Case No. F-2026-01234 Doc No. C05512345 Date: 11/27/2026", (3) the disposition with
// its exemptions, (4) "REVIEW AUTHORITY: Jane Doe, Senior Reviewer", (5) "POLICY: foia-release version 1
// (sha256 02da05d0df04a996…) AS OF: <date> TOOL: declass 0.1.0" (the prefix of sha256sum of the policy
// file, checked). Then the input's own lines: the two leading blank lines kept; the routing block
// (VZCZC…, OO RUEH…, DE RUEHTA…, ZNY CCCCC ZZH) reduced to one `[WITHHELD B2]` line; DTG, FM, TO and INFO
// addressee lines kept; the distribution caption (`STATE FOR SCA/CEN, …`, and for 09ASTANA1000 also
// `PLEASE PASS TO USTR`) reduced to one `[WITHHELD B2]` line; SIPDIS, the E.O. 12958 DECL line, TAGS
// (with the archive's `[PREL](#)` link residue as written), Classified By and the signature kept.
//
// 09ASTANA435-2026-11-24 (DECL 03/12/2029 not reached; every portion (C)): line 1 UNCLASSIFIED (everything
// classified is withheld, so what remains is unclassified), line 3 "DENIED IN FULL B1, 1.4(B), 1.4(D), B2"
// (no paragraph, heading, subject or reference released). Top banner `U N C L A S S I F I E D SECTION 01
// OF 03 ASTANA 000435` (spaced letters kept; right, since the release holds nothing classified).
// `SUBJECT: [WITHHELD B1 1.4(B), 1.4(D)]` and `REF: [WITHHELD B1 1.4(B), 1.4(D)]` keep their field names;
// each ¶ keeps its number as written and its mark (`[1](#)1. (C) [WITHHELD B1 1.4(B), 1.4(D)]`, `¶4. (C)
// [WITHHELD B1 1.4(B), 1.4(D)]`, … `¶12. (C) …`); the 8 headings each become `[WITHHELD B1 1.4(B),
// 1.4(D)]`. The blank lines inside ¶3 and ¶8 go with their withheld text (acceptable). HAND-CORRECTED: the
// library drops the page-break lines `ASTANA 00000435 002 OF 003` (inside ¶5) and `ASTANA 00000435 003 OF
// 003` (inside ¶10) with the withheld paragraphs; the golden file keeps them, each after its paragraph's
// marker line and a blank line (README: "Page-break lines stay"). Known issue until ReleaseText.withheld
// keeps a withheld unit's page-break interruptions.
//
// 09ASTANA435-2029-03-13 (declassified): line 1 UNCLASSIFIED, line 3 "RELEASE IN PART B2, B6". Top banner
// `U N C L A S S I F I E D SECTION 01 OF 03 ASTANA 000435`. SUBJECT, REF A/B, ¶1–¶12 and all headings
// released word for word, marks `(C)` kept as written (portion marks are history, not the release's level);
// page-break lines 002 and 003 kept; ¶12 has exactly two `[REDACTED B6]`: "The fact that he [REDACTED B6]
// may have given him a leg up. The [REDACTED B6] Zhigalov, …" (`is married to an ethnic Kazakh`,
// personal-marriage; `49-year-old`, personal-ages). Nothing else differs from the input.
//
// 09ASTANA1000-2026-11-24 and -2029-03-13 (DECL 06/10/2019 passed on both dates; the two files differ only
// in AS OF): line 3 "RELEASE IN PART B2" (routing and distribution only). ¶3 is marked (SBU) and released,
// so per issue 5 ("SBU stays marked SBU") and README the recomputed classification is SENSITIVE BUT
// UNCLASSIFIED: stamp line 1 `SENSITIVE BUT UNCLASSIFIED`, banner `S E N S I T I V E   B U T   U N C L A S
// S I F I E D SECTION 01 OF 04 ASTANA 001000`. All paragraphs (`11.`, `¶18.`, `¶19.` as written), headings,
// REF A–F and the page-break lines 002/003/004 OF 004 kept word for word.
//
// No withheld text appears anywhere (theGoldenFileHoldsNoWithheldText checks every withheld part).
//
// For a FOIA reviewer (reported, not asserted here): a DENIED IN FULL release still prints the header
// (DTG, FM/TO/INFO addressees with their RUEH… routing indicators, TAGS, E.O. line, Classified By); the
// TO/INFO lines carry routing indicators although the policy withholds "routing indicators" under B2;
// stamp line 1 of 09ASTANA1000 reads SENSITIVE BUT UNCLASSIFIED where State's FOIA stamp always reads
// UNCLASSIFIED (the issue asks for SBU on banners; the stamp follows the banner).

/// One golden release: a seed cable under foia-release as of a date.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let cable: String
    let asOf: String
    var file: String { "golden/\(cable)-\(asOf).txt" }
    var testDescription: String { "\(cable) as of \(asOf)" }

    static let all = [
        GoldenCase(cable: "09ASTANA435", asOf: "2026-11-24"),
        GoldenCase(cable: "09ASTANA435", asOf: "2029-03-13"),
        GoldenCase(cable: "09ASTANA1000", asOf: "2026-11-24"),
        GoldenCase(cable: "09ASTANA1000", asOf: "2029-03-13"),
    ]
}

@Suite struct GoldenReleaseTests {
    /// `DECLASS_UPDATE_GOLDEN=1` rewrites the golden files in the source tree (then review them by hand, and
    /// restore the hand-corrected page-break lines of 09ASTANA435-2026-11-24 while the known issue lasts).
    @Test(arguments: GoldenCase.all)
    func theReleaseTextEqualsTheReviewedGoldenFileByteForByte(_ g: GoldenCase) throws {
        let r = try release(try Fixture.seed(g.cable), "foia-release", g.asOf)
        if ProcessInfo.processInfo.environment["DECLASS_UPDATE_GOLDEN"] == "1" {
            try Data(r.text.bytes).write(to: Fixture.sourceRoot.appendingPathComponent(g.file))
        }
        let golden = try Fixture.bytes(g.file)
        #expect(r.text.bytes == golden, "\(g.file) differs from the release text")
        #expect(r.leaks.isEmpty)
    }

    @Test(arguments: GoldenCase.all)
    func theGoldenFileHoldsNoWithheldText(_ g: GoldenCase) throws {
        let r = try release(try Fixture.seed(g.cable), "foia-release", g.asOf)
        let golden = String(decoding: try Fixture.bytes(g.file), as: UTF8.self).lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for part in r.withheld {
            let words = part.text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
            var needles = words.count <= 6 ? [words.joined(separator: " ")] : []
            if words.count > 6 { for i in 0...(words.count - 6) { needles.append(words[i..<(i + 6)].joined(separator: " ")) } }
            // Single words (¶12's `49-year-old`) are checked by paragraph12RedactsTheMarriageAndTheAgeAsOf20290313.
            for n in needles where n.split(separator: " ").count >= 2 {
                #expect(!golden.contains(n), "\(g.file): withheld text of \(part.label) stands in the golden file")
            }
        }
    }

    @Test func paragraph12RedactsTheMarriageAndTheAgeAsOf20290313() throws {
        let r = try release(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        let p12 = try #require(r.lines.first { $0.hasPrefix("¶12. (C) COMMENT:") })
        #expect(p12.hasPrefix("¶12. (C) COMMENT: Zhigalov is one of the very few ethnic Russians in the MFA's top leadership. The fact that he [REDACTED B6] may have given him a leg up. The [REDACTED B6] Zhigalov, who speaks excellent English,"))
        #expect(p12.components(separatedBy: "[REDACTED B6]").count == 3)
        #expect(!r.string.contains("49-year-old") && !r.string.contains("married to"))
        #expect(r.withheld.filter { $0.action == .withhold }.map(\.label) == ["routing@3", "distribution@33"])
        #expect(r.withheld.filter { $0.label == "¶12" }.count == 2)
        // The routing indicators before the 18 addressees (`TO RUEHC/…`, `RUCNCIS/…`) are redacted B2.
        #expect(r.withheld.filter { $0.rule == "routing-indicators" }.count == 18)
        #expect(r.lines.contains("TO [REDACTED B2]SECSTATE WASHDC IMMEDIATE 4874"))
        #expect(r.withheld.filter { $0.label == "¶12" }.map(\.rule) == ["personal-marriage", "personal-ages"])
    }

    @Test func paragraph4IsWithheldWithItsNumberAndMarkAsOf20261124() throws {
        let r = try release(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        #expect(r.lines.contains("¶4. (C) [WITHHELD B1 1.4(B), 1.4(D)]"))
        #expect(r.lines.contains("[1](#)1. (C) [WITHHELD B1 1.4(B), 1.4(D)]"))
        #expect(r.review.stampLine == "DENIED IN FULL B1, 1.4(B), 1.4(D), B2")
    }

    /// Page-break lines (`ASTANA 00000435 002 OF 003`) are layout, not content: they stay in the release
    /// even when the paragraph they interrupt is withheld. Every cable under foia-release as of 2026-11-24.
    @Test func pageBreakLinesSurviveWithheldParagraphs() throws {
        let engine = try Fixture.engine("foia-release")
        let pageBreak = /^[A-Z][A-Z ]* \d{8} \d{3} OF \d{3} *$/
        var lost: [String] = []
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try Fixture.cable(file)
            let r = Release(cable: cable, engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
            let lines = Set(r.lines)
            for (n, line) in String(decoding: cable.source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.wholeMatch(of: pageBreak) != nil && !lines.contains(String(line)) {
                lost.append("\(file):\(n + 1): \(line)")
            }
        }
        #expect(lost == [], "page-break lines missing from the release:\n\(lost.joined(separator: "\n"))")
    }

    /// A withheld SUBJECT keeps its portion mark like a withheld paragraph: 08ABUJA320's `SUBJECT: (S/NF) …`.
    @Test func aWithheldSubjectKeepsItsPortionMark() throws {
        let r = try release(try Fixture.corpus("08ABUJA320"), "foia-release", "2026-11-24")
        #expect(r.lines.contains("SUBJECT: (S/NF) [WITHHELD B1 1.4(B), 1.4(C), 1.4(D)] "),
                "\(r.lines.filter { $0.hasPrefix("SUBJECT") })")
    }
}
