import DeclassKit
import Foundation
import Testing

/// Deciding the same cable twice (with one engine or two) gives the same review.
@Suite struct DeterminismTests {
    private func expectSame(_ a: Review, _ b: Review) {
        #expect(a.decisions == b.decisions)
        #expect(a.overlaps == b.overlaps)
        #expect(a.eligibility == b.eligibility)
        #expect(a.warnings == b.warnings)
        #expect(a.stampLine == b.stampLine)
        #expect(a.cableID == b.cableID)
        #expect(a.policyDigest == b.policyDigest)
        #expect(a.asOf == b.asOf)
    }

    @Test func decidingTheSameCableTwiceWithOneEngineGivesTheSameReview() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let engine = try DecisionEngine(policy: try Fixture.policy("foia-release"))
        for asOf in ["2026-11-24", "2029-03-12"] {
            expectSame(engine.decide(cable, asOf: day(asOf)), engine.decide(cable, asOf: day(asOf)))
        }
    }

    @Test func decidingWithTwoEnginesAndTwoLoadsGivesTheSameReview() throws {
        let a = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2029-03-12")
        let b = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2029-03-12")
        expectSame(a, b)
        #expect(!a.decisions.flatMap(\.spans).isEmpty)
    }

    @Test func decidingIsTheSameWhenOtherCablesAreDecidedInBetween() throws {
        let engine = try DecisionEngine(policy: try Fixture.policy("foia-release"))
        let seed = try Fixture.seed("09ASTANA435")
        let first = engine.decide(seed, asOf: day("2029-03-12"))
        _ = engine.decide(try Fixture.seed("09ASTANA1000"), asOf: day("2010-01-01"))
        expectSame(first, engine.decide(seed, asOf: day("2029-03-12")))
    }
}
