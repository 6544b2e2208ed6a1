import DeclassKit
import DeclassMatch
import Foundation
import Testing

/// A rule naming parts whose patterns match no line break is scanned over the units of its parts alone;
/// it decides every corpus cable as the same rule scanned over the whole text does.
@Suite struct PartScanTests {
    /// foia-release with its routing-indicator pattern spelled `\x52` for `R`: the same matches, but an
    /// escape the line-break check does not read, so the pattern is scanned over the whole text.
    static func wholeTextPolicy() throws -> Policy {
        let yaml = try String(contentsOfFile: Fixture.path("policies/foia-release.yaml"), encoding: .utf8)
        let spelled = yaml.replacingOccurrences(of: #"'\bR[A-Z]{3,6}/'"#, with: #"'\b\x52[A-Z]{3,6}/'"#)
        #expect(spelled != yaml)
        return try PolicyLoader.parse(spelled, file: "foia-release.yaml")
    }

    @Test(arguments: ["2026-11-24", "2029-03-13"])
    func partRestrictedScansDecideEveryCorpusCableAsTheWholeTextScan(_ asOf: String) throws {
        #expect(!PatternSpec(expression: #"\b\x52[A-Z]{3,6}/"#, multiline: true).neverMatchesLineBreak)
        let parts = try DecisionEngine(policy: try Fixture.policy("foia-release"))
        let whole = try DecisionEngine(policy: Self.wholeTextPolicy())
        var spans = 0
        for url in try Fixture.corpusFiles() {
            let cable = try Fixture.cable("corpus/\(url.lastPathComponent)")
            let a = parts.decide(cable, asOf: day(asOf)), b = whole.decide(cable, asOf: day(asOf))
            #expect(a.decisions == b.decisions, "\(cable.name)")
            #expect(a.overlaps == b.overlaps, "\(cable.name)")
            #expect(a.warnings == b.warnings, "\(cable.name)")
            spans += a.decisions.reduce(0) { $0 + $1.spans.count { $0.rule == "routing-indicators" } }
        }
        #expect(spans > 0)
    }
}
