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

    /// The engine keeps its per-cable lists (units' matches, judged units, matching rules) from cable to
    /// cable: one engine deciding the corpus forwards and backwards (larger cables before smaller ones)
    /// must give what a fresh engine gives for each cable.
    @Test func oneEngineDecidingTheCorpusInEitherOrderMatchesAFreshEnginePerCable() throws {
        let policy = try Fixture.policy("foia-release")
        let cables = try Fixture.corpusFiles().map { try Fixture.cable("corpus/\($0.lastPathComponent)") }
        // Every seventh cable is checked against a fresh engine (compiling the policy per cable is slow);
        // the engine decides them all in between.
        var fresh: [Int: Review] = [:]
        for k in stride(from: 0, to: cables.count, by: 7) {
            fresh[k] = try DecisionEngine(policy: policy).decide(cables[k], asOf: day("2029-03-12"))
        }
        #expect(fresh.values.contains { !$0.decisions.flatMap(\.spans).isEmpty })
        let engine = try DecisionEngine(policy: policy)
        for k in Array(cables.indices) + cables.indices.reversed() {
            let review = engine.decide(cables[k], asOf: day("2029-03-12"))
            if let expected = fresh[k] { expectSame(review, expected) }
        }
    }
}
