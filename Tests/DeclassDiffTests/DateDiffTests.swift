import DeclassKit
import Testing

/// `--as-of D1 --against-as-of D2`: the units whose decision differs between two dates, and why.
@Suite struct DateDiffTests {
    static func seedChanges() throws -> DecisionDiff {
        try Fixture.changes(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24", "foia-release", "2029-03-13")
    }

    @Test func declDateReleasesExactlyTheseParagraphsOf09ASTANA435() throws {
        let paragraphs = try Self.seedChanges().changes.filter { $0.label.hasPrefix("¶") }.map(\.label)
        #expect(paragraphs == ["¶1", "¶2", "¶3", "¶4", "¶5", "¶6", "¶7", "¶8", "¶9", "¶10", "¶11", "¶12"])
    }

    @Test func declDateChangesExactlyTheseUnitsOf09ASTANA435() throws {
        #expect(try Self.seedChanges().labels == [
            "subject", "references", "¶1", "heading@50", "¶2", "¶3", "heading@58", "¶4", "heading@62", "¶5", "¶6", "¶7",
            "heading@74", "¶8", "heading@80", "¶9", "¶10", "heading@90", "¶11", "¶12",
        ])
    }

    @Test func everyChangeIsTheDeclDatePassing() throws {
        let changes = try Self.seedChanges().changes
        #expect(changes.allSatisfy { $0.why == "DECL passed on 2029-03-12" && $0.direction == .newlyReleased })
    }

    @Test func paragraphFourReadsWithheldB1ToReleased() throws {
        let c = try #require(try Self.seedChanges().changes.first { $0.label == "¶4" })
        #expect(c.summary == "¶4: withheld B1 → released (DECL passed on 2029-03-12)")
    }

    @Test func paragraphTwelveIsReleasedInPartWithItsB6Redactions() throws {
        let c = try #require(try Self.seedChanges().changes.first { $0.label == "¶12" })
        #expect(c.summary == "¶12: withheld B1 → redacted B6 (2 spans) (DECL passed on 2029-03-12)")
        #expect(c.after.rule == "personal-ages")
    }

    @Test func theOtherWayTheDateIsNotYetReached() throws {
        let c = try Fixture.changes(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13", "foia-release", "2026-11-24")
        #expect(c.changes.count == 20)
        #expect(c.changes.allSatisfy { $0.why == "DECL on 2029-03-12 not yet reached" && $0.direction == .newlyWithheld })
    }

    @Test func theSameDateAndPolicyChangeNothing() throws {
        let c = try Fixture.changes(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24", "foia-release", "2026-11-24")
        #expect(c.changes.isEmpty)
        #expect(c.text().hasSuffix("  no unit's decision differs\n"))
    }

    @Test func theDayBeforeAndTheDayOfTheDeclDateDiffer() throws {
        let c = try Fixture.changes(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-11", "foia-release", "2029-03-12")
        #expect(c.changes.count == 20)
    }

    @Test func textListsTheStampChangeAndOneLinePerUnit() throws {
        let text = try Self.seedChanges().text()
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "09ASTANA435 (09ASTANA435.txt): foia-release as of 2026-11-24 → foia-release as of 2029-03-13")
        #expect(lines[1] == "  stamp: DENIED IN FULL B1, 1.4(B), 1.4(D), B2 → RELEASE IN PART B2, B6")
        #expect(lines.count == 22)
    }
}

/// `--against B`: the units whose decision differs between two policies, and the summary over many cables.
@Suite struct PolicyDiffTests {
    @Test func releaseAllNewlyReleasesRoutingAndClassifiedParts() throws {
        let c = try Fixture.changes(try Fixture.seed("09ASTANA1000"), "foia-release", "2026-11-24", "release-all", "2026-11-24")
        #expect(c.labels == ["routing@3", "to@11", "info@12", "distribution@33"])
        #expect(c.changes.map(\.summary) == [
            "routing@3: withheld B2 → released (rule routing → default)",
            "to@11: redacted B2 (1 span) → released (rule routing-indicators → default)",
            "info@12: redacted B2 (16 spans) → released (rule routing-indicators → default)",
            "distribution@33: withheld B2 → released (rule routing → default)",
        ])
    }

    @Test func summaryCountsNewlyReleasedUnitsPerRuleNamingTheCables() throws {
        let diffs = try ["09ASTANA435", "09ASTANA1000"].map {
            try Fixture.changes(try Fixture.seed($0), "foia-release", "2026-11-24", "release-all", "2026-11-24")
        }
        let s = DiffSummary(diffs)
        #expect(s.compared == 2)
        #expect(s.cablesChanged == ["09ASTANA435", "09ASTANA1000"])
        #expect(s.rows == [
            DiffSummary.Row(rule: "classified-not-declassified", newlyReleased: 20, newlyWithheld: 0, changed: 0, cables: ["09ASTANA435"]),
            DiffSummary.Row(rule: "routing", newlyReleased: 4, newlyWithheld: 0, changed: 0, cables: ["09ASTANA435", "09ASTANA1000"]),
            DiffSummary.Row(rule: "routing-indicators", newlyReleased: 4, newlyWithheld: 0, changed: 0, cables: ["09ASTANA435", "09ASTANA1000"]),
        ])
    }

    @Test func summaryCountsNewlyWithheldUnitsUnderTheRuleThatNowWithholds() throws {
        let diffs = try ["09ASTANA435", "09ASTANA1000"].map {
            try Fixture.changes(try Fixture.seed($0), "release-all", "2029-03-13", "foia-release", "2029-03-13")
        }
        let s = DiffSummary(diffs)
        #expect(s.rows.map(\.rule) == ["personal-ages", "routing", "routing-indicators"])
        #expect(s.rows.allSatisfy { $0.newlyReleased == 0 })
        #expect(s.rows.map(\.newlyWithheld) == [1, 4, 4])
    }

    @Test func summaryTextIsATable() throws {
        let diffs = try ["09ASTANA435", "09ASTANA1000"].map {
            try Fixture.changes(try Fixture.seed($0), "foia-release", "2026-11-24", "release-all", "2026-11-24")
        }
        let lines = DiffSummary(diffs).text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines.prefix(7)) == [
            "2 cables compared, 2 with changes",
            "foia-release as of 2026-11-24 → release-all as of 2026-11-24",
            "",
            "rule                         newly released  newly withheld  changed  cables",
            "classified-not-declassified  20              0               0        09ASTANA435",
            "routing                      4               0               0        09ASTANA435, 09ASTANA1000",
            "routing-indicators           4               0               0        09ASTANA435, 09ASTANA1000",
        ])
    }
}

/// A unit that stays withheld under another rule is named with both rules.
@Suite struct RuleChangeTests {
    @Test func sameActionUnderAnotherRuleNamesBothRules() throws {
        let c = try Fixture.changes(try Fixture.cable("cables/09MOSCOW1108.txt"), "foia-release", "2026-11-24", "foia-release", "2040-01-01")
        let subject = try #require(c.changes.first { $0.label == "subject" })
        #expect(subject.direction == .changed)
        #expect(subject.summary == "subject: withheld B1 by classified-not-declassified → withheld B1 by fail-closed (automatic declassification passed on 2034-12-31)")
    }
}
