import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// `declass calendar`: classified cables by the month they become eligible by date, and the ones that never will.
@Suite struct CalendarTests {
    func seeds(_ f: SweepFolder) throws -> String {
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        try f.write("in/09ASTANA1000.txt", try Fixture.bytes("seeds/09ASTANA1000.txt"))
        return f.path("in")
    }

    @Test func seedsFall2019And2029() throws {
        let f = try SweepFolder()
        let calendar = try DeclassCalendar.build([try seeds(f)], from: day("2019-01-01"), to: nil, automaticYears: nil)
        #expect(calendar.months.mapValues { $0.map(\.id) } == ["2019-06": ["09ASTANA1000"], "2029-03": ["09ASTANA435"]])
        #expect(calendar.monthRange.count == 118)  // 2019-06 … 2029-03, empty months included
        #expect(calendar.before.isEmpty && calendar.after.isEmpty && calendar.never.isEmpty)
    }

    @Test func datesBeforeFromAndAfterToAreCountedApart() throws {
        let f = try SweepFolder()
        let calendar = try DeclassCalendar.build([try seeds(f)], from: day("2020-01-01"), to: day("2029-03-11"), automaticYears: nil)
        #expect(calendar.before.map(\.id) == ["09ASTANA1000"])
        #expect(calendar.after.map(\.id) == ["09ASTANA435"])
        #expect(calendar.months.isEmpty)
    }

    @Test func corpusCablesNeverDeclassifiedByDateAreGroupedByWhy() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        let calendar = try DeclassCalendar.build([corpus], from: day("2026-11-27"), to: nil, automaticYears: nil)
        #expect(calendar.never.mapValues { $0.map(\.id) } == [
            "downgrade": ["09USNATO464"], "event": ["09SHENYANG4"], "gds": ["73TEHRAN2077"],
            "manual-review": ["08STATE116943"], "oadr": ["90CAPETOWN97"],
        ])
        #expect(calendar.classifiedCount == 45)
        #expect(calendar.unclassified.count == 16)
    }

    @Test func automaticDeclassificationGivesUndatedOwnDatesTheTwentyFifthYear() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        let calendar = try DeclassCalendar.build([corpus], from: day("2026-11-27"), to: nil, automaticYears: 25)
        // Only the MR line names an exemption (25X1-HUMAN); OADR, downgrade, event and GDS lines get the
        // date automatic declassification gives (31 December of the year the cable turns 25).
        #expect(calendar.never.mapValues { $0.map(\.id) } == ["manual-review": ["08STATE116943"]])
        let capetown = try #require(calendar.before.first { $0.id == "90CAPETOWN97" })
        #expect(capetown.basis == "automatic")
        #expect(capetown.date == day("2015-12-31"))
    }

    @Test func textShowsABarPerMonth() throws {
        let f = try SweepFolder()
        let root = try seeds(f)
        let report = CalendarReport(try DeclassCalendar.build([root], from: day("2029-01-01"), to: day("2029-06-30"), automaticYears: nil), roots: [root])
        let bar = String(repeating: "█", count: 40)
        #expect(report.text() == """
            declassification calendar: 2 classified cables under \(root) (automatic declassification off; --policy applies a policy's)
            eligible before 2029-01-01: 1
            2029-03  \(bar) 1
            eligible after 2029-06-30: 0
            never by date: 0
            not classified (U, SBU): 0

            """)
    }

    @Test func csvHasOneRowPerClassifiedCable() throws {
        let f = try SweepFolder()
        let root = try seeds(f)
        let report = CalendarReport(try DeclassCalendar.build([root], from: day("2019-01-01"), to: nil, automaticYears: nil), roots: [root])
        #expect(report.csv() == "id,input,eligible-on,month,basis,reasoning\r\n"
            + "09ASTANA1000,\(root)/09ASTANA1000.txt,2019-06-10,2019-06,declassification-date,eligible on 2019-06-10: declassification date 2019-06-10 from 'DECL: 06/10/2019'\r\n"
            + "09ASTANA435,\(root)/09ASTANA435.txt,2029-03-12,2029-03,declassification-date,eligible on 2029-03-12: declassification date 2029-03-12 from 'DECL: 03/12/2029'\r\n")
    }

    @Test func calendarCommandPrintsJSONWithEveryMonth() throws {
        let f = try SweepFolder()
        let root = try seeds(f)
        let r = try DeclassProcess.run(["calendar", root, "--from", "2029-03-01", "--to", "2029-03-31", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let months = try #require(json["months"] as? [[String: Any]])
        #expect(months.count == 1)
        #expect(months[0]["month"] as? String == "2029-03")
        #expect(months[0]["count"] as? Int == 1)
        #expect((json["before"] as? [[String: Any]])?.first?["id"] as? String == "09ASTANA1000")
    }

    @Test func toBeforeFromIsAUsageError() throws {
        let r = try DeclassProcess.run(["calendar", ".", "--from", "2029-03-01", "--to", "2029-01-31"])
        #expect(r.status == 2)
        #expect(r.err.contains("--to (2029-01-31) is before --from (2029-03-01)"))
    }
}
