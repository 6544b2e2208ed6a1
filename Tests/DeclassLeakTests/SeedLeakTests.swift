import DeclassKit
import Foundation
import Testing

/// The leak checker on the real seed cable 09ASTANA435: ¶4 withheld.
@Suite struct SeedLeakTests {
    static let seedPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/09ASTANA435.txt").path

    func seed() throws -> (Cable, CableUnit) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.seedPath)))
        let cable = try CableParser.parse(bytes, name: "09ASTANA435.txt")
        let unit = try #require(cable.units.first { $0.label == "¶4" })
        return (cable, unit)
    }

    @Test func theCableTextItselfLeaksItsFourthParagraphFromTheStartOfItsContent() throws {
        let (cable, unit) = try seed()
        let secret = LeakSecret(text: cable.words(of: unit), unit: unit.label, rule: "classified-not-declassified")
        let leaks = LeakChecker(secrets: [secret], released: []).check(cable.source)
        let words = cable.words(of: unit).split { !$0.isLetter && !$0.isNumber }.count
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: words, offset: unit.contentRange.lowerBound)])
    }

    @Test func theCableTextWithoutTheFourthParagraphsContentHasNoLeak() throws {
        let (cable, unit) = try seed()
        let secret = LeakSecret(text: cable.words(of: unit), unit: unit.label, rule: "classified-not-declassified")
        var output = cable.source
        output.removeSubrange(unit.contentRange)
        #expect(LeakChecker(secrets: [secret], released: []).check(output).isEmpty)
    }
}
