import Testing
@testable import DeclassKit

/// The E.O. line under every order cables were written under; anything unreadable fails closed.
@Suite("DeclassLineReader")
struct DeclassLineReaderTests {
    /// Reads `text` (the E.O. line from the order number on) as a cable dated in `pivot` would.
    func read(_ text: String, pivot: Int? = 2009) -> (DeclassInstruction, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let instruction = DeclassLineReader.read(text, line: 7, pivot: pivot, diagnostics: &diagnostics)
        return (instruction, diagnostics)
    }

    func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    // MARK: E.O. 11652 / 12065

    @Test func generalDeclassificationScheduleWithoutDateIsNeverDeclassifiedByDate() {
        let (d, diagnostics) = read("11652: GDS", pivot: 1973)
        #expect(d.kind == .gds)
        #expect(d.order == "11652")
        #expect(d.date == nil)
        #expect(d.declassifiesOn == nil)
        #expect(d.written == "GDS")
        #expect(d.line == 7)
        #expect(diagnostics.isEmpty)
    }

    @Test func generalDeclassificationScheduleWithADateDeclassifiesOnIt() {
        let (d, _) = read("12065: GDS 12/31/1984", pivot: 1979)
        #expect(d.kind == .gds)
        #expect(d.date == date(1984, 12, 31))
        #expect(d.declassifiesOn == date(1984, 12, 31))
    }

    @Test func exemptFromTheScheduleIsXGDS() {
        let (d, _) = read("11652: XGDS-2", pivot: 1974)
        #expect(d.kind == .xgds)
        #expect(d.exemptions == ["XGDS-2"])
        #expect(d.declassifiesOn == nil)
    }

    @Test func reviewForDeclassificationKeepsItsReviewDateButNeverDeclassifies() {
        let (d, diagnostics) = read("12065: RDS-4 6/5/99", pivot: 1979)
        #expect(d.kind == .rds)
        #expect(d.order == "12065")
        #expect(d.exemptions == ["RDS-4"])
        #expect(d.date == date(1999, 6, 5))
        #expect(d.declassifiesOn == nil)
        #expect(diagnostics.map(\.code) == ["two-digit-year"])
    }

    // MARK: E.O. 12356

    @Test func originatingAgencysDeterminationRequired() {
        let (d, _) = read("12356: OADR", pivot: 1988)
        #expect(d.kind == .oadr)
        #expect(d.order == "12356")
        #expect(d.declassifiesOn == nil)
    }

    @Test func originatingAgencysDeterminationRequiredAfterDECL() {
        let (d, _) = read("12356: DECL: OADR", pivot: 1988)
        #expect(d.kind == .oadr)
        #expect(d.declassifiesOn == nil)
    }

    // MARK: E.O. 12958 / 13526 dates

    @Test func paddedMonthDayYear() {
        let (d, diagnostics) = read("12958: DECL: 03/12/2029")
        #expect(d.kind == .date)
        #expect(d.order == "12958")
        #expect(d.date == date(2029, 3, 12))
        #expect(d.declassifiesOn == date(2029, 3, 12))
        #expect(d.written == "DECL: 03/12/2029")
        #expect(diagnostics.isEmpty)
    }

    @Test func unpaddedMonthDayYearAfterASpace() {
        let (d, diagnostics) = read("12958: DECL:  6/3/2017")
        #expect(d.kind == .date)
        #expect(d.date == date(2017, 6, 3))
        #expect(diagnostics.isEmpty)
    }

    @Test func twoDigitYearIsReadAgainstTheCablesYearAndReported() {
        let (d, diagnostics) = read("12958 DECL: 11/29/10", pivot: 2000)
        #expect(d.kind == .date)
        #expect(d.date == date(2010, 11, 29))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "two-digit-year")
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line == 7)
    }

    @Test func twoDigitYearOfAnOldCableStaysInItsCentury() {
        let (d, _) = read("12958: DECL: 11/29/99", pivot: 1989)
        #expect(d.date == date(1999, 11, 29))
    }

    @Test func twoDigitYearWithoutACableDateFallsBackToAFixedPivot() {
        #expect(read("12958: DECL: 11/29/10", pivot: nil).0.date == date(2010, 11, 29))
        #expect(read("12958: DECL: 11/29/75", pivot: nil).0.date == date(1975, 11, 29))
    }

    @Test func yearMonthDay() {
        let (d, diagnostics) = read("12958: DECL: 2019/12/16")
        #expect(d.kind == .date)
        #expect(d.date == date(2019, 12, 16))
        #expect(diagnostics.isEmpty)
    }

    @Test func threeDigitMonthWithALeadingZeroIsRepairedAndReported() {
        let (d, diagnostics) = read("12958: DECL: 011/2/2019")
        #expect(d.kind == .date)
        #expect(d.date == date(2019, 11, 2))
        #expect(diagnostics.map(\.code) == ["irregular-date"])
    }

    @Test func dateWithoutTheDECLKeywordIsReadAndNoted() {
        let (d, diagnostics) = read("12958: 07/21/2019")
        #expect(d.kind == .date)
        #expect(d.date == date(2019, 7, 21))
        #expect(diagnostics.map(\.code) == ["missing-keyword"])
    }

    @Test func misspelledKeywordIsReadAndNoted() {
        let (d, diagnostics) = read("12958: DECLl: 10/29/2018")
        #expect(d.kind == .date)
        #expect(d.date == date(2018, 10, 29))
        #expect(diagnostics.map(\.code) == ["irregular-keyword"])
    }

    @Test func lowerCaseLineIsRead() {
        let (d, _) = read("12958: decl: 07/01/2034")
        #expect(d.date == date(2034, 7, 1))
    }

    @Test func impossibleDateIsUnparsed() {
        let (d, diagnostics) = read("12958: DECL: 02/30/2019")
        #expect(d.kind == .unparsed)
        #expect(d.declassifiesOn == nil)
        #expect(diagnostics.map(\.code) == ["unparsed-declassification"])
    }

    @Test func dayFirstDateIsRefusedRatherThanGuessed() {
        let (d, _) = read("12958: DECL: 25/12/2019")
        #expect(d.kind == .unparsed)
        #expect(d.declassifiesOn == nil)
    }

    // MARK: Exemptions and other instructions

    @Test(arguments: 1...8)
    func exemptionCodesXOneToXEight(n: Int) {
        let (d, _) = read("12958: DECL: X\(n)")
        #expect(d.kind == .exemption)
        #expect(d.exemptions == ["X\(n)"])
        #expect(d.declassifiesOn == nil)
    }

    @Test func exemptionXNineIsNotAnExemption() {
        let (d, _) = read("12958: DECL: X9")
        #expect(d.kind != .exemption)
        #expect(d.declassifiesOn == nil)
    }

    @Test func twentyFiveYearExemption() {
        let (d, _) = read("13526: DECL: 25X1")
        #expect(d.kind == .exemption)
        #expect(d.order == "13526")
        #expect(d.exemptions == ["25X1"])
        #expect(d.declassifiesOn == nil)
    }

    @Test func twentyFiveYearExemptionWithItsSuffix() {
        #expect(read("13526: DECL: 25X1-HUMAN").0.exemptions == ["25X1-HUMAN"])
        #expect(read("13526: DECL: 50X1-HUM").0.exemptions == ["50X1-HUM"])
    }

    @Test func sectionOnePointSixExemption() {
        let (d, _) = read("12958: DECL: 1.6X1")
        #expect(d.kind == .exemption)
        #expect(d.exemptions == ["X1"])
    }

    @Test func severalExemptions() {
        #expect(read("12958: DECL: 1.6X5, X6").0.exemptions == ["X5", "X6"])
    }

    @Test func manualReview() {
        let (d, _) = read("12958: DECL: MR")
        #expect(d.kind == .manualReview)
        #expect(d.declassifiesOn == nil)
    }

    @Test func notApplicable() {
        let (d, diagnostics) = read("12958: N/A")
        #expect(d.kind == .notApplicable)
        #expect(d.declassifiesOn == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func downgradeIsNotADeclassification() {
        let (d, _) = read("12958: DNG: CO 01/26/2021")
        #expect(d.kind == .downgrade)
        #expect(d.date == date(2021, 1, 26))
        #expect(d.declassifiesOn == nil)
    }

    @Test func alreadyDeclassifiedWithAWrittenDate() {
        let (d, _) = read("12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006")
        #expect(d.kind == .declassified)
        #expect(d.date == date(2006, 6, 21))
        #expect(d.declassifiesOn == date(2006, 6, 21))
    }

    @Test func declassifiedWithoutAReadableDateIsUnparsed() {
        let (d, _) = read("12958: DECLASSIFIED SOMETIME")
        #expect(d.kind == .unparsed)
        #expect(d.declassifiesOn == nil)
    }

    @Test func eventIsNeverDeclassifiedByDate() {
        let (d, diagnostics) = read("12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION")
        #expect(d.kind == .event)
        #expect(d.date == nil)
        #expect(d.declassifiesOn == nil)
        #expect(diagnostics.map(\.code) == ["declassification-event"])
    }

    @Test(arguments: ["12958: DECL: ???", "12958: DECL: 1/2", "12958: @@@ ###", "12958: DECL: 2019", "12958: DECL:"])
    func unreadableTextIsUnparsedAndNeverDeclassified(text: String) {
        let (d, _) = read(text)
        #expect(d.kind == .unparsed)
        #expect(d.declassifiesOn == nil)
    }

    @Test func emptyInstructionIsUnparsed() {
        let (d, _) = read("12958:")
        #expect(d.kind == .unparsed)
        #expect(d.order == "12958")
        #expect(d.declassifiesOn == nil)
    }
}

/// The E.O. line as the parser places it in real cables.
@Suite("Declassification in cables")
struct DeclassificationInCablesTests {
    @Test func twoDigitYearInACorpusCableIsReadAgainstItsDateAndReported() throws {
        let cable = try Fixtures.corpus("00HARARE6677")
        #expect(cable.declassification.date == CivilDate(year: 2010, month: 11, day: 29))
        #expect(cable.diagnostics.contains { $0.code == "two-digit-year" && $0.line == 32 })
    }

    @Test func cableWithoutAnEOLineIsMissingAndNeverDeclassified() throws {
        let text = "UNCLAS ASTANA 000001\n\nSUBJECT: NO E.O. LINE\n\n1. (U) Text.\n"
        let cable = try CableParser.parse(text)
        #expect(cable.declassification.kind == .missing)
        #expect(cable.declassification.declassifiesOn == nil)
    }
}
