import DeclassKit
import Foundation
import Testing

/// Patterns that make a backtracking matcher take exponential time either finish at once over a 1 MB line
/// (Vectorscan runs in linear time) or are refused when the policy is loaded, with a clear error.
/// The time bound only detects a hang; it is not a speed test.
@Suite struct PathologicalPatternTests {
    static let run = 1_000_000

    /// The crafted cable with ¶2 replaced by `2. (U) x ` and a line of 1,000,000 `a`.
    let cable: Cable

    init() throws {
        let source = String(decoding: try Data(contentsOf: Fixture.root.appendingPathComponent("cables/crafted.txt")), as: UTF8.self)
        let long = source.replacingOccurrences(of: "2. (U) The weather in Astana was fine.",
                                               with: "2. (U) x " + String(repeating: "a", count: Self.run))
        cable = try CableParser.parse(long, name: "long-line.txt")
    }

    private func rule(_ pattern: String) -> String {
        """
        policy: pathological
        version: 1
        default: release
        rules:
          - id: p
            when: { text-matches: ['\(pattern)'] }
            action: redact
            exemption: B6
        """
    }

    @Test func nestedQuantifiersFinishAtOnceOverAOneMegabyteLine() throws {
        let p = try PolicyLoader.parse(rule("(a+)+$"), file: "pathological.yaml")
        let started = Date()
        let r = try DecisionEngine(policy: p).decide(cable, asOf: day("2026-11-24"))
        #expect(Date().timeIntervalSince(started) < 10)
        let d = try r.decision("¶2")
        #expect(d.action == .redact)
        #expect(d.spans.count == 1)
        #expect(d.spans.first.map { text(cable, $0) } == String(repeating: "a", count: Self.run))
        #expect(d.spans.first?.length == Self.run)
        #expect(r.labels(.redact) == ["¶2"])
    }

    @Test func aRepeatedDotStarGroupIsRefusedWhenLoadedOrFinishes() throws {
        let started = Date()
        let loaded: Policy
        do {
            loaded = try PolicyLoader.parse(rule("(.*a){20}"), file: "pathological.yaml")
        } catch {
            #expect(error.description == "pathological.yaml:6:28: cannot compile pattern '(.*a){20}': Pattern is too large.")
            #expect(Date().timeIntervalSince(started) < 10)
            return
        }
        let r = try DecisionEngine(policy: loaded).decide(cable, asOf: day("2026-11-24"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try r.decision("¶2").action == .redact)
    }

    @Test func aRepeatedDotStarGroupIsRefusedAtItsLocation() throws {
        // Vectorscan cannot track the start of match of this pattern: the loader refuses it, naming where it is.
        #expect(throws: PolicyError.self) { try PolicyLoader.parse(rule("(.*a){20}"), file: "pathological.yaml") }
    }
}
