@testable import DeclassKit
import Testing

/// A date prints as `YYYY-MM-DD`, zero-padded, the same as the padded form for every date a cable can hold.
@Suite struct CivilDateDescriptionTests {
    @Test func printsISODates() {
        #expect(CivilDate(year: 2029, month: 3, day: 12)!.description == "2029-03-12")
        #expect(CivilDate(year: 1000, month: 1, day: 1)!.description == "1000-01-01")
        #expect(CivilDate(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
    }

    @Test func agreesWithThePaddedFormOnEveryDayOfSomeCenturies() {
        for year in [1000, 1066, 1899, 1900, 1950, 1999, 2000, 2024, 2029, 2100, 9999] {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    let d = CivilDate(year: year, month: month, day: day)!
                    #expect(d.description == d.paddedDescription)
                }
            }
        }
    }

    @Test func fieldsOutsideADatesRangesUseThePaddedForm() {
        var d = CivilDate(year: 2029, month: 3, day: 12)!
        d.year = 12_345
        #expect(d.description == "12345-03-12")
        d.year = 7
        #expect(d.description == "0007-03-12")
        d.day = -1
        #expect(d.description == "0007-03--1")
    }
}
