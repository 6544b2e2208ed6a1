import DeclassKit
import Foundation
import Testing

/// release-all.yaml releases every unit of every corpus cable: nothing is withheld, redacted or failed closed.
@Suite struct CorpusReleaseAllTests {
    @Test func releaseAllReleasesEveryUnitOfEveryCorpusCable() throws {
        let files = try Fixture.corpusFiles()
        #expect(files.count == 61)
        let engine = try DecisionEngine(policy: try Fixture.policy("release-all"))
        var units = 0
        for url in files {
            let cable = try CableParser.parse([UInt8](try Data(contentsOf: url)), name: url.lastPathComponent)
            let r = engine.decide(cable, asOf: day("2026-11-24"))
            #expect(r.decisions.count == cable.units.count, "\(url.lastPathComponent)")
            let notReleased = r.decisions.filter { $0.action != .release }
            #expect(notReleased.isEmpty, "\(url.lastPathComponent): \(notReleased.map { "\($0.label) \($0.summary)" })")
            #expect(r.stampLine == "RELEASE IN FULL", "\(url.lastPathComponent)")
            #expect(r.overlaps.isEmpty, "\(url.lastPathComponent)")
            units += r.decisions.count
        }
        print("release-all: \(units) units of \(files.count) corpus cables, all released")
    }
}
