import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `LineCounter`, which counts line breaks on from the previous offset, against `Cable.line(at:)`, which
/// counts from the start each time.
@Suite struct LineCounterTests {
    static let sources: [[UInt8]] = {
        var urls = (try? Fixtures.corpusFiles()) ?? []
        urls += (try? Fixtures.textFiles(in: Fixtures.samples)) ?? []
        return urls.compactMap { try? [UInt8](Data(contentsOf: $0)) }
    }()

    @Test func itGivesTheLineCableGivesForEveryOffsetInIncreasingOrder() throws {
        #expect(!Self.sources.isEmpty)
        for source in Self.sources {
            let cable = try CableParser.parse(source, name: "t")
            var counter = LineCounter(source)
            for offset in stride(from: 0, through: source.count + 3, by: 7) {
                #expect(counter.line(at: offset) == cable.line(at: offset))
            }
        }
    }

    @Test func itGivesTheLineCableGivesForOffsetsInRandomOrder() throws {
        var g = SplitMix64(seed: 0x11E5)
        for source in Self.sources.prefix(10) {
            let cable = try CableParser.parse(source, name: "t")
            var counter = LineCounter(source)
            for _ in 0 ..< 200 {
                let offset = Int(g.next() % UInt64(source.count + 10))
                #expect(counter.line(at: offset) == cable.line(at: offset))
            }
        }
    }
}
