import Testing
@testable import DeclassKit

/// Exact expectations for the two cables the project was founded on (../shared/seeds, copied under
/// Fixtures/seeds): every field `declass inspect` shows, every paragraph and every repair.
@Suite("Seed cable 09ASTANA435")
struct Seed435Tests {
    let cable: Cable

    init() throws { cable = try Fixtures.seed("09ASTANA435") }

    @Test func idIsFormedFromTheBannerAndTheDate() {
        #expect(cable.id == "09ASTANA435")
        #expect(cable.origin == "ASTANA")
        #expect(cable.serial == 435)
        #expect(cable.date == CivilDate(year: 2009, month: 3, day: 12))
        #expect(cable.dateTimeGroup == "120728Z MAR 09")
    }

    @Test func bannerIsConfidentialSectionOneOfThree() {
        #expect(cable.classification == .confidential)
        #expect(cable.controls == [])
        #expect(cable.section == 1)
        #expect(cable.sectionCount == 3)
        #expect(cable.handling == ["SIPDIS"])
    }

    @Test func hasTwelveParagraphsAllWrittenConfidential() {
        let paragraphs = cable.paragraphs
        #expect(paragraphs.count == 12)
        for p in paragraphs {
            #expect(p.marking?.classification == .confidential, "\(p.label)")
            #expect(p.marking?.source == .written, "\(p.label)")
            #expect(p.marking?.written == "C", "\(p.label)")
            #expect(p.marking?.controls == [], "\(p.label)")
        }
    }

    @Test func paragraphsAreNumberedOneToTwelveInOrder() {
        #expect(cable.paragraphs.map(\.number) == Array(1...12))
    }

    @Test func renderedParagraphSignsAreRemovedFromTheNumber() {
        let written = cable.paragraphs.prefix(4).map(\.writtenNumber)
        #expect(written == ["[1](#)1", "[1](#)2", "[1](#)3", "¶4"])
    }

    @Test func declassifiesOnTheTwelfthOfMarch2029() {
        let decl = cable.declassification
        #expect(decl.kind == .date)
        #expect(decl.order == "12958")
        #expect(decl.date == CivilDate(year: 2029, month: 3, day: 12))
        #expect(decl.declassifiesOn == CivilDate(year: 2029, month: 3, day: 12))
        #expect(decl.line == 35)
    }

    @Test func classifiedByTheAmbassadorForReasonsBAndD() throws {
        let authority = try #require(cable.authority)
        #expect(authority.by == "Ambassador Richard E. Hoagland")
        #expect(authority.section == "1.4")
        #expect(authority.reasons == ["b", "d"])
        #expect(authority.authority == "1.4(B), 1.4(D)")
        #expect(authority.derived == false)
        #expect(authority.line == 46)
    }

    @Test func referencesAreExactlyAAndB() {
        #expect(cable.references == [
            Reference(letter: "A", text: "ASTANA 0319", cableID: "09ASTANA319"),
            Reference(letter: "B", text: "ASTANA 0412", cableID: "09ASTANA412"),
        ])
    }

    @Test func tagsAreReadWithoutRenderingArtifacts() {
        #expect(cable.tags == ["PREL", "PINR", "ETRD", "KNNP", "KIRF", "OSCE", "NATO", "AF", "RS", "KZ"])
    }

    @Test func subjectSpansTwoLines() {
        #expect(cable.subject == "KAZAKHSTAN: DFM ZHIGALOV SAYS KAZAKHSTAN WOULD WELCOME POTUS VISIT, EXPRESSES CONCERNS ABOUT WTO TALKS")
    }

    @Test func signatureIsHoagland() {
        #expect(cable.signature == "HOAGLAND")
        #expect(cable.units.last?.kind == .signature)
    }

    @Test func continuationAfterABlankLineBelongsToTheParagraph() throws {
        let p3 = try #require(cable.paragraphs.first { $0.number == 3 })
        #expect(cable.words(of: p3).contains("Macedonia, he explained, and thus this is the first time"))
        #expect(p3.firstLine == 54)
        let p8 = try #require(cable.paragraphs.first { $0.number == 8 })
        #expect(cable.words(of: p8).contains("Zhigalov responded sardonically, \"Sometimes the best is the enemy of the good.\""))
    }

    @Test func pageBreakLinesAreInTheSourceButNotInTheWords() throws {
        for p in cable.paragraphs {
            #expect(!cable.words(of: p).contains("00000435"), "\(p.label)")
        }
        let p5 = try #require(cable.paragraphs.first { $0.number == 5 })
        #expect(cable.sourceText(of: p5).contains("ASTANA 00000435 002 OF 003"))
        #expect(cable.words(of: p5).contains("2010 OSCE chairmanship, which will include a focus on Afghanistan."))
        #expect(p5.interruptions.map(\.kind) == [.pageBreak])
        #expect(p5.interruptions.map(\.line) == [66])
    }

    @Test func headingsBetweenParagraphsAreTheirOwnUnits() {
        let headings = cable.units.filter { $0.kind == .heading }
        #expect(headings.map { cable.words(of: $0) } == [
            "LOOKING FORWARD TO A POTUS VISIT",
            "CONCERNS ABOUT AFGHANISTAN",
            "\"HONEST BROKER\" AS OSCE CHAIRMAN",
            "CONGRESS OF RELIGIONS ALSO IMPORTANT",
            "COMPLAINTS ABOUT WTO ACCESSION PROCESS",
            "SUPPORT FOR CTR AGREEMENT RATIFICATION",
        ])
        #expect(headings.map(\.firstLine) == [50, 58, 62, 74, 80, 90])
    }

    @Test func headingsInheritTheBannerClassification() {
        for h in cable.units where h.kind == .heading {
            #expect(h.marking?.classification == .confidential)
            #expect(h.marking?.source == .inherited)
        }
    }

    @Test func noParagraphHoldsAHeadingsWords() {
        for p in cable.paragraphs {
            let words = cable.words(of: p)
            for title in ["CONCERNS ABOUT AFGHANISTAN", "HONEST BROKER\" AS OSCE", "COMPLAINTS ABOUT WTO", "SUPPORT FOR CTR"] {
                #expect(!words.contains(title), "\(p.label) holds the heading '\(title)'")
            }
        }
    }

    @Test func blocksAreFoundInTheirParagraphs() throws {
        #expect(cable.paragraphs.first?.blocks == [.summary])
        #expect(cable.paragraphs.last?.blocks == [.comment])
    }
}

@Suite("Seed cable 09ASTANA1000")
struct Seed1000Tests {
    let cable: Cable

    init() throws { cable = try Fixtures.seed("09ASTANA1000") }

    @Test func idIsFormedFromTheBannerAndTheDate() {
        #expect(cable.id == "09ASTANA1000")
        #expect(cable.date == CivilDate(year: 2009, month: 6, day: 11))
        #expect(cable.section == 1)
        #expect(cable.sectionCount == 4)
    }

    @Test func hasThirteenParagraphsThirdSBURestConfidential() {
        let paragraphs = cable.paragraphs
        #expect(paragraphs.count == 13)
        #expect(paragraphs.map { $0.marking?.written } == ["C", "C", "SBU"] + Array(repeating: "C", count: 10))
        #expect(paragraphs.map { $0.marking?.classification } == [.confidential, .confidential, .sensitiveButUnclassified] + Array(repeating: .confidential, count: 10))
        #expect(paragraphs.allSatisfy { $0.marking?.source == .written })
    }

    @Test func paragraphsAreRenumberedOneToThirteen() {
        #expect(cable.paragraphs.map(\.number) == Array(1...13))
    }

    @Test func writtenNumbersAreKeptBesideTheRepairedOnes() {
        let written = cable.paragraphs.map(\.writtenNumber)
        #expect(written == ["11", "¶2", "¶3", "¶4", "¶5", "¶6", "¶7", "¶18", "¶19", "¶10", "¶11", "¶12", "¶13"])
    }

    @Test func eachRepairIsReportedAtItsLine() {
        let repairs = cable.diagnostics.filter { $0.code == "paragraph-renumbered" }
        #expect(repairs.map(\.line) == [55, 115, 119])
        #expect(repairs.allSatisfy { $0.severity == .note })
        #expect(repairs.map(\.message).map { $0.contains("'11' read as ¶1") || $0.contains("'¶18' read as ¶8") || $0.contains("'¶19' read as ¶9") } == [true, true, true])
    }

    @Test func declassifiesOnTheTenthOfJune2019() {
        #expect(cable.declassification.kind == .date)
        #expect(cable.declassification.date == CivilDate(year: 2019, month: 6, day: 10))
        #expect(cable.declassification.line == 36)
    }

    @Test func reasonsAreBAndDWrittenWithACommaBetweenParentheses() throws {
        let authority = try #require(cable.authority)
        #expect(authority.by == "Ambassador Richard E. Hoagland")
        #expect(authority.reasons == ["b", "d"])
        #expect(authority.authority == "1.4(B), 1.4(D)")
    }

    @Test func referencesAreAToFWithoutRenderingArtifacts() {
        #expect(cable.references == [
            Reference(letter: "A", text: "SECSTATE 54767", cableID: "09STATE54767"),
            Reference(letter: "B", text: "ASTANA 0957", cableID: "09ASTANA957"),
            Reference(letter: "C", text: "ASTANA 0983", cableID: "09ASTANA983"),
            Reference(letter: "D", text: "SECSTATE 56723", cableID: "09STATE56723"),
            Reference(letter: "E", text: "ASTANA 0956", cableID: "09ASTANA956"),
            Reference(letter: "F", text: "SECSTATE 59226", cableID: "09STATE59226"),
        ])
    }

    @Test func tagsIncludeTheSecondLine() {
        #expect(cable.tags == ["PGOV", "PREL", "PARM", "ECON", "ETTC", "MARR", "MCAP", "OSCE", "RS", "AF", "PK", "KZ"])
    }

    @Test func subjectSpansTwoLines() {
        #expect(cable.subject == "KAZAKHSTAN: FOREIGN MINISTER ON NONPROLIFERATION ISSUES, AFGHANISTAN, OSCE, WTO; U.S.-KAZAKHSTAN COMMISSION")
    }

    @Test func signatureIsHoagland() {
        #expect(cable.signature == "HOAGLAND")
    }

    @Test func distributionLinesAreTheirOwnUnit() {
        let distribution = cable.units.filter { $0.kind == .distribution }
        #expect(distribution.map(\.firstLine) == [33])
        #expect(distribution.first.map { cable.words(of: $0) } == "STATE FOR P, SCA/CEN, S/SRAP, EUR/RUS, EUR/RPM, ISN PLEASE PASS TO USTR")
    }

    @Test func pageBreaksInsideParagraphsAreNotWords() throws {
        for p in cable.paragraphs {
            #expect(!cable.words(of: p).contains("00001000"), "\(p.label)")
        }
        let p9 = try #require(cable.paragraphs.first { $0.number == 9 })
        #expect(p9.interruptions.map(\.line) == [121])
        #expect(cable.words(of: p9).contains("he wanted to reiterate what he had said in Washington"))
    }

    @Test func pageBreakBetweenUnitsIsItsOwnUnit() {
        let breaks = cable.units.filter { $0.kind == .pageBreak }
        #expect(breaks.map(\.firstLine) == [99])
    }

    @Test func headingsBetweenParagraphsAreTheirOwnUnits() {
        let headings = cable.units.filter { $0.kind == .heading }
        #expect(headings.map { cable.words(of: $0) } == [
            "PRESIDENT OBAMA'S CAIRO SPEECH",
            "NDN LETHAL TRANSIT THROUGH RUSSIA",
            "KAZAKHSTAN'S FUNDING FOR BN-350",
            "POSSIBLE TRANSFER OF LETHAL MILITARY EQUIPMENT TO SYRIA",
            "PARTNERSHIP ON AFGHANISTAN, ASSISTANCE FOR IDPs IN PAKISTAN",
            "CORFU OSCE MINISTERIAL -- DESIRE FOR BRIEF BILATERAL WITH THE SECRETARY",
            "PUTIN ON KAZAKHSTAN'S WTO ACCESSION BID?",
            "U.S.-KAZAKHSTAN COMMISSION",
        ])
        #expect(headings.map(\.firstLine) == [91, 95, 101, 105, 109, 117, 127, 131])
    }

    @Test func summaryWithBulletsAndContinuationIsTheFirstParagraph() throws {
        let p1 = try #require(cable.paragraphs.first)
        let words = cable.words(of: p1)
        #expect(words.hasPrefix("SUMMARY: On June 10, Foreign Minister Marat Tazhin: -- praised President Obama's Cairo speech"))
        #expect(words.hasSuffix("U.S.-Kazakhstan Commission. END SUMMARY"))
        #expect(p1.blocks == [.summary])
    }
}
