import DeclassKit
import Foundation
import Testing

/// The overlap finder (words read eight bytes at a time, shingles hashed) agrees with a naive one over
/// String words on every corpus cable under foia-release, at two dates.
@Suite struct OverlapReferenceTests {
    /// The words of a unit as the overlap finder reads them: runs of ASCII letters and digits and bytes
    /// >= 0x80, ASCII letters upper-cased.
    static func words(_ cable: Cable, _ unit: CableUnit) -> [String] {
        var out: [String] = []
        var word: [UInt8] = []
        for c in Array(cable.words(of: unit).utf8) + [0x20] {
            let isWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
            if isWord {
                word.append(c >= 0x61 && c <= 0x7A ? c - 0x20 : c)
            } else if !word.isEmpty {
                out.append(String(decoding: word, as: UTF8.self))
                word.removeAll()
            }
        }
        return out
    }

    /// The overlaps of `review` computed naively: every run of six words of a withheld unit (the first
    /// withheld unit holding it), then each released unit's runs looked up in order.
    static func naiveOverlaps(_ cable: Cable, _ review: Review) -> [[Int]] {
        var owner: [[String]: Int] = [:]
        for d in review.decisions where d.action == .withhold {
            let w = words(cable, cable.units[d.unit])
            guard w.count >= 6 else { continue }
            for i in 0...(w.count - 6) where owner[Array(w[i..<(i + 6)])] == nil { owner[Array(w[i..<(i + 6)])] = d.unit }
        }
        guard !owner.isEmpty else { return [] }
        var out: [[Int]] = []
        for d in review.decisions where d.action != .withhold && d.rule != "structure" {
            let w = words(cable, cable.units[d.unit])
            guard w.count >= 6 else { continue }
            var found: [Int: Int] = [:]
            var run = 0, runOwner = -1
            for i in 0...(w.count - 6) {
                if let o = owner[Array(w[i..<(i + 6)])] {
                    run = o == runOwner ? run + 1 : 1
                    runOwner = o
                    found[o] = max(found[o] ?? 0, run + 5)
                } else {
                    run = 0
                    runOwner = -1
                }
            }
            for (o, n) in found.sorted(by: { $0.key < $1.key }) { out.append([d.unit, o, n]) }
        }
        return out
    }

    @Test(arguments: ["2026-11-24", "2029-03-13"])
    func overlapsAgreeWithTheNaiveFinderOnEveryCorpusCable(_ asOf: String) throws {
        let engine = try DecisionEngine(policy: try Fixture.policy("foia-release"))
        var overlaps = 0
        for url in try Fixture.corpusFiles() {
            let cable = try Fixture.cable("corpus/\(url.lastPathComponent)")
            let review = engine.decide(cable, asOf: day(asOf))
            let found = review.overlaps.map { [$0.released, $0.withheld, $0.words] }
            #expect(found == Self.naiveOverlaps(cable, review), "\(cable.name)")
            overlaps += found.count
        }
        #expect(overlaps > 0)
    }
}
