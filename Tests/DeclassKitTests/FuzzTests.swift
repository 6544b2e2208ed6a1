import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// Random and mutated inputs: the parser returns a faithful `Cable` (units that give the input back byte
/// for byte) or throws a `CableError`; it never crashes or hangs. Every case has its own seed, printed on
/// failure, so that `FuzzTests.run(kind, seed:)` replays it.
@Suite("Fuzzing the parser")
struct FuzzTests {
    /// Fixed so that runs are reproducible; change it locally to explore further.
    static let baseSeed: UInt64 = 0xDEC1_A55_2009_0435

    /// The corpus and seed cables, read once.
    static let cables: [[UInt8]] = {
        var out: [[UInt8]] = []
        for file in (try? Fixtures.corpusFiles()) ?? [] {
            if let data = try? Data(contentsOf: file) { out.append([UInt8](data)) }
        }
        for id in ["09ASTANA435", "09ASTANA1000"] {
            if let bytes = try? Fixtures.bytes("seeds/\(id).txt") { out.append(bytes) }
        }
        return out
    }()

    /// Fragments that steer mutations into the parser's interesting paths.
    static let fragments: [String] = [
        "\n", "\r\n", "\r", "\t", " ", "\u{FEFF}", "¶", "¶1", "[1](#)", "](#)", "(C)", "(S//NF)", "(SBU/NF)", "(C/REL NATO)",
        "(LOU)", "(", ")", "1.", "11.", "¶18.", "PAGE 02 HARARE 06677 01 OF 03 291400Z", "ASTANA 00000435 002 OF 003",
        "C O N F I D E N T I A L", "SECRET", " CONFIDENTIAL", "UNCLAS SECTION 01 OF 02", "SIPDIS", "NOFORN",
        "E.O. 12958: DECL: ", "DECL: 11/29/10", "DECL: 011/2/2019", "OADR", "25X1", "1.6X1", "DNG: CO 01/26/2021",
        "TAGS: ", "TAGS PGOV, PREL", "SUBJECT: ", "REF: A. ASTANA 0319", "B. ", "Classified By: ", "1.4 (b,d)", "1.5 (B) AND (D)",
        "END COMMENT.", "COMMENT:", "(NOTE:", "END NOTE.)", "SUMMARY:", "END SUMMARY", "XXXXXXXXXXXX", "--", "-----------",
        "O 120728Z MAR 09", "FM AMEMBASSY ASTANA", "TO RUEHC/SECSTATE WASHDC", "INFO ", "VZCZC", "HOAGLAND",
        "This record is a partial extract of the original cable.", "é", "€", "😀", "\u{0301}", "99999999999999999999",
    ]

    enum Kind: String, CaseIterable {
        case randomBytes, randomUnicode, randomText, bitFlips, asciiFlips, truncation, lineDuplication, lineDeletion, splice, fragmentInsertion
    }

    /// Builds the input of one case from its seed.
    static func input(_ kind: Kind, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func pickCable() -> [UInt8] { cables[Int.random(in: 0..<cables.count, using: &rng)] }
        switch kind {
        case .randomBytes:
            let n = Int.random(in: 0...512, using: &rng)
            return (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case .randomUnicode:
            // Valid UTF-8 of any scalar, control characters and line ends included.
            var text = ""
            for _ in 0..<Int.random(in: 0...300, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: text.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0x01...0x7F, using: &rng)))
                case 1: text += "\n"
                default:
                    let v = UInt32.random(in: 0x80...0x10FFFF, using: &rng)
                    text.unicodeScalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                }
            }
            return Array(text.utf8)
        case .randomText:
            // Lines of fragments and printable ASCII: far more likely than random bytes to look like a cable.
            var out: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                if Bool.random(using: &rng) {
                    out += Array(fragments.randomElement(using: &rng)!.utf8)
                } else {
                    out += (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
                }
                if Int.random(in: 0..<3, using: &rng) == 0 { out.append(0x0A) }
            }
            return out
        case .bitFlips:
            var bytes = pickCable()
            for _ in 0..<Int.random(in: 1...16, using: &rng) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
            return bytes
        case .asciiFlips:
            // Flips that keep ASCII bytes ASCII (and never make a NUL): the text stays valid UTF-8.
            var bytes = pickCable()
            for _ in 0..<Int.random(in: 1...24, using: &rng) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                guard bytes[i] < 0x80 else { continue }
                let flipped = bytes[i] ^ (UInt8(1) << UInt8.random(in: 0...6, using: &rng))
                if flipped != 0 { bytes[i] = flipped }
            }
            return bytes
        case .truncation:
            let bytes = pickCable()
            let a = Int.random(in: 0...bytes.count, using: &rng)
            // Keep a prefix, a suffix, or a middle slice.
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return Array(bytes[..<a])
            case 1: return Array(bytes[a...])
            default:
                let b = Int.random(in: a...bytes.count, using: &rng)
                return Array(bytes[a..<b])
            }
        case .lineDuplication, .lineDeletion:
            var lines = pickCable().split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for _ in 0..<Int.random(in: 1...12, using: &rng) where !lines.isEmpty {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                if kind == .lineDuplication {
                    let count = Int.random(in: 1...3, using: &rng)
                    lines.insert(contentsOf: Array(repeating: lines[i], count: count), at: Int.random(in: 0...lines.count, using: &rng))
                } else {
                    lines.remove(at: i)
                }
            }
            return Array(lines.joined(separator: [0x0A]))
        case .splice:
            let a = pickCable(), b = pickCable()
            let i = Int.random(in: 0...a.count, using: &rng), j = Int.random(in: 0...b.count, using: &rng)
            return Array(a[..<i]) + Array(b[j...])
        case .fragmentInsertion:
            var bytes = pickCable()
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(contentsOf: Array(fragments.randomElement(using: &rng)!.utf8), at: at)
            }
            return bytes
        }
    }

    /// The seed of case `index` of `kind`.
    static func seed(_ kind: Kind, _ index: Int) -> UInt64 {
        var mix = SplitMix64(seed: baseSeed ^ UInt64(Kind.allCases.firstIndex(of: kind)!) << 56 ^ UInt64(index))
        return mix.next()
    }

    /// How one case ended.
    enum Outcome {
        case parsed
        case refused(String)
        case failed(String)
    }

    /// Runs one case: a faithful cable, a clean refusal, or what went wrong.
    static func run(_ kind: Kind, seed: UInt64) -> Outcome {
        let bytes = input(kind, seed: seed)
        do {
            let cable = try CableParser.parse(bytes, name: "fuzz")
            let problems = fidelityProblems(cable)
            return problems.isEmpty ? .parsed : .failed(problems.joined(separator: "; "))
        } catch {
            // A typed CableError: a clean refusal, whose message names the input.
            let kind = Mirror(reflecting: error).children.first?.label ?? "\(error)"
            return error.description.hasPrefix("fuzz") ? .refused(kind) : .failed("error message does not name the input: \(error)")
        }
    }

    /// Runs `count` cases of `kind`, prints a summary and every failure with its seed, and returns the number
    /// of failures. With a `log`, writes there each case's seed before parsing it (so that after a crash the
    /// last line names the case), each failure, and the summary.
    @discardableResult
    static func campaign(_ kind: Kind, count: Int, log: FileHandle? = nil) -> Int {
        func note(_ line: String) { log?.write(Data((line + "\n").utf8)) }
        var parsed = 0, refused = 0, failed = 0
        var errors: [String: Int] = [:]
        for index in 0..<count {
            let s = seed(kind, index)
            note("case \(kind.rawValue) \(index) (seed 0x\(String(s, radix: 16)))")
            switch run(kind, seed: s) {
            case .parsed: parsed += 1
            case .refused(let error):
                refused += 1
                errors[error, default: 0] += 1
            case .failed(let problem):
                failed += 1
                let message = "\(kind.rawValue) case \(index) (seed 0x\(String(s, radix: 16))): \(problem)"
                note("FAILED " + message)
                Issue.record(Comment(rawValue: message))
            }
        }
        let refusals = errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let summary = "fuzz \(kind.rawValue): \(count) cases, \(parsed) parsed and round-tripped, \(refused) refused (\(refusals)), \(failed) failed"
        note(summary)
        if log == nil { print(summary) }
        return failed
    }

    /// The log a campaign's child process writes and its parent (the test process) reads.
    static func logURL(_ kind: Kind, testProcess: Int32) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("declass-fuzz-\(testProcess)-\(kind.rawValue).log")
    }

    /// The body of a campaign run in a child process (an exit test), so that a crash in the parser fails the
    /// test with the seed it crashed on instead of ending the whole test run. Exits with 1 when a case fails.
    static func isolated(_ kind: Kind, count: Int) -> Never {
        let url = logURL(kind, testProcess: getppid())
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let log = try? FileHandle(forWritingTo: url)
        let failed = campaign(kind, count: count, log: log)
        try? log?.close()
        exit(failed == 0 ? 0 : 1)
    }

    /// In the test process, after the child ended: shows its summary and failures, and names the case a
    /// crash happened on.
    static func report(_ kind: Kind) {
        let url = logURL(kind, testProcess: getpid())
        defer { try? FileManager.default.removeItem(at: url) }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("\(kind.rawValue): the campaign left no log at \(url.path)")
            return
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        for line in lines where line.hasPrefix("fuzz ") || line.hasPrefix("FAILED ") { print(line) }
        if let last = lines.last, last.hasPrefix("case ") {
            let seed = last.split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()")) } ?? "?"
            Issue.record("the parser crashed on \(last): replay it in process with FuzzTests.run(.\(kind.rawValue), seed: \(seed))")
        }
    }

    @Test func generatorIsDeterministic() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<8).map { _ in a.next() } == (0..<8).map { _ in b.next() })
        // Reference values of SplitMix64 for seed 0.
        var z = SplitMix64(seed: 0)
        #expect(z.next() == 0xE220_A839_7B1D_CDAF)
        #expect(FuzzTests.input(.splice, seed: 7) == FuzzTests.input(.splice, seed: 7))
    }

    @Test func corpusIsLoaded() {
        #expect(FuzzTests.cables.count == 63)
    }

    @Test func randomBytes() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.randomBytes, count: 1000)
        }
        FuzzTests.report(.randomBytes)
    }

    @Test func randomUnicodeText() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.randomUnicode, count: 500)
        }
        FuzzTests.report(.randomUnicode)
    }

    @Test func randomTextFromCableFragments() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.randomText, count: 1500)
        }
        FuzzTests.report(.randomText)
    }

    @Test func bitFlipsInCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.bitFlips, count: 300)
        }
        FuzzTests.report(.bitFlips)
    }

    @Test func asciiBitFlipsInCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.asciiFlips, count: 400)
        }
        FuzzTests.report(.asciiFlips)
    }

    @Test func truncatedCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.truncation, count: 400)
        }
        FuzzTests.report(.truncation)
    }

    @Test func duplicatedLinesInCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.lineDuplication, count: 300)
        }
        FuzzTests.report(.lineDuplication)
    }

    @Test func deletedLinesInCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.lineDeletion, count: 300)
        }
        FuzzTests.report(.lineDeletion)
    }

    @Test func splicedCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.splice, count: 400)
        }
        FuzzTests.report(.splice)
    }

    @Test func fragmentsInsertedIntoCorpusCables() async {
        await #expect(processExitsWith: .success) {
            FuzzTests.isolated(.fragmentInsertion, count: 400)
        }
        FuzzTests.report(.fragmentInsertion)
    }
}

/// Inputs the fuzzer found that crashed the parser, kept as regression tests. Each runs in a child process
/// so that a crash fails the test instead of ending the test run.
@Suite("Parser crash regressions")
struct CrashRegressionTests {
    @Test func bannerWithASectionButNoPostOrNumber() async {
        // BannerReader.read read tokens[i + 3] after checking only i + 3 <= tokens.count.
        await #expect(processExitsWith: .success) {
            _ = try? CableParser.parse(Array("UNCLAS SECTION 01 OF 02\n".utf8), name: "-")
        }
    }

    @Test func spacedBannerWithASectionButNoPostOrNumber() async {
        await #expect(processExitsWith: .success) {
            _ = try? CableParser.parse(Array("C O N F I D E N T I A L SECTION 01 OF 03\n\nSUBJECT: X\n".utf8), name: "-")
        }
    }
}
