import Foundation
@testable import DeclassKit
import DeclassTestSupport

/// Where the test fixtures live and how to read them. Everything a test reads is inside the repository:
/// the corpus and seeds are copied byte for byte under `Fixtures/`, the samples are read from `Samples/`.
enum Fixtures {
    /// The `Fixtures` folder copied into the test bundle.
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    /// The repository's `Samples/` folder, found from this file's place in the source tree.
    static let samples: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // DeclassKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .appendingPathComponent("Samples")

    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }

    /// The `.txt` files of a folder, sorted by name.
    static func textFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The 61 corpus cables.
    static func corpusFiles() throws -> [URL] { try textFiles(in: url("corpus")) }

    /// Every line of every corpus cable (split on line feeds, empty lines left out), for agreement tests.
    static func corpusLines() throws -> [Substring] {
        try corpusFiles().flatMap { String(decoding: try Data(contentsOf: $0), as: UTF8.self).split(separator: "\n") }
    }

    /// A seed cable parsed under its file name (`09ASTANA435.txt`).
    static func seed(_ id: String) throws -> Cable {
        try CableParser.parse(try bytes("seeds/\(id).txt"), name: "\(id).txt")
    }

    /// A corpus cable parsed under its file name (`06BAKU1835.txt`).
    static func corpus(_ id: String) throws -> Cable {
        try CableParser.parse(try bytes("corpus/\(id).txt"), name: "\(id).txt")
    }
}

/// Source fidelity: the units of a cable are contiguous, in order, cover the input, and joining their
/// bytes gives the input back. Returns what is wrong (empty when the cable is faithful), so that callers
/// with thousands of inputs can report one line per input.
func fidelityProblems(_ cable: Cable) -> [String] {
    var problems: [String] = []
    let n = cable.source.count
    var at = 0
    var joined: [UInt8] = []
    joined.reserveCapacity(n)
    for (k, unit) in cable.units.enumerated() {
        if unit.range.lowerBound != at {
            problems.append("unit \(k) (\(unit.label)) starts at byte \(unit.range.lowerBound), expected \(at)")
        }
        if unit.range.lowerBound > unit.range.upperBound || unit.range.upperBound > n {
            problems.append("unit \(k) (\(unit.label)) range \(unit.range) is outside the input (\(n) bytes)")
            break
        }
        if !(unit.range.lowerBound <= unit.contentRange.lowerBound && unit.contentRange.upperBound <= unit.range.upperBound) {
            problems.append("unit \(k) (\(unit.label)) content \(unit.contentRange) is outside its range \(unit.range)")
        }
        if unit.firstLine > unit.lastLine {
            problems.append("unit \(k) (\(unit.label)) first line \(unit.firstLine) after last line \(unit.lastLine)")
        }
        joined.append(contentsOf: cable.source[unit.range])
        at = unit.range.upperBound
    }
    if at != n { problems.append("units end at byte \(at), the input has \(n)") }
    if joined != cable.source { problems.append("joining the units' bytes does not give the input back") }
    return problems
}

/// `s` and its substrings from each of its next `count - 1` characters (fewer for a shorter `s`, ending with
/// the empty one), for agreement tests that also read a text from inside it.
func leadingSuffixes(_ s: String, _ count: Int) -> [Substring] {
    var out: [Substring] = []
    var sub = Substring(s)
    for _ in 0..<count {
        out.append(sub)
        guard !sub.isEmpty else { break }
        sub = sub.dropFirst()
    }
    return out
}

/// `count` texts of 0…`maxPieces` pieces drawn at random from `pieces`, seeded (the same texts every run),
/// for agreement tests between a byte reader and its String reference.
func randomTexts(_ pieces: [String], seed: UInt64, count: Int, maxPieces: Int) -> [String] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
        var s = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) { s += pieces.randomElement(using: &rng)! }
        return s
    }
}
