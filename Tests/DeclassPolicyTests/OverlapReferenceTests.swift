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

    /// On crafted cables of random paragraphs, slices of a few dozen words (so that six-word runs repeat),
    /// mostly released or mostly withheld (the finder then takes its runs from the released side), the
    /// overlaps are the naive finder's.
    @Test func overlapsAgreeWithTheNaiveFinderOnRandomCraftedCables() throws {
        let engine = try DecisionEngine(policy: try policy(OverlapTests.withholdConfidential))
        let vocabulary = ["the", "minister", "said", "transit", "agreement", "would", "be", "signed", "in", "June", "Xu", "7"]
        var state: UInt64 = 0x0BE1_A9CE
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var mostlyWithheld = 0, overlaps = 0
        for cable in 0..<160 {
            // Half the cables mostly withheld: many long (C) paragraphs and a few short (U) ones.
            let withheldHeavy = cable % 2 == 0
            let source = (0..<48).map { _ in vocabulary[next(vocabulary.count)] }
            var paragraphs: [String] = []
            for p in 1...(2 + next(10)) {
                let withheld = withheldHeavy ? next(5) > 0 : next(5) == 0
                let count = withheld == withheldHeavy ? 8 + next(30) : 3 + next(10)
                // A slice of the cable's source words, a word in it perhaps changed.
                let start = next(source.count - count)
                var words = Array(source[start..<(start + count)])
                if next(2) == 0 { words[next(count)] = vocabulary[next(vocabulary.count)] }
                let text = words.joined(separator: " ")
                paragraphs.append("\(p). (\(withheld ? "C" : "U")) \(text).")
            }
            let c = try craft(paragraphs)
            let r = engine.decide(c, asOf: day("2026-11-24"))
            let found = r.overlaps.map { [$0.released, $0.withheld, $0.words] }
            #expect(found == Self.naiveOverlaps(c, r), "\(paragraphs)")
            var bytes = (withheld: 0, released: 0)
            for d in r.decisions where d.rule != "structure" {
                if d.action == .withhold { bytes.withheld += c.units[d.unit].contentRange.count } else { bytes.released += c.units[d.unit].contentRange.count }
            }
            if bytes.withheld > bytes.released, !found.isEmpty { mostlyWithheld += 1 }
            overlaps += found.count
        }
        #expect(mostlyWithheld > 20)
        #expect(overlaps > 100)
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
