import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// The leak checker at the scale of a large output: many secrets, a megabyte of text, exact results.
@Suite struct LeakScaleTests {
    /// 10,000 secrets of 1 to 40 random 7-letter words against a 1 MB output of random 5-letter words with
    /// 100 of the secrets pasted in: exactly those 100 are found, each at its offset and with all its words.
    @Test func tenThousandSecretsAgainstAMegabyteFindExactlyThePastedOnes() {
        let corpus = LeakCorpus(secrets: 10_000, outputBytes: 1 << 20, pasted: 100, seed: 0x5EED)
        let leaks = LeakChecker(secrets: corpus.secrets, released: []).check(corpus.output)
        #expect(leaks == corpus.expected)
        #expect(corpus.expected.count == 100)
    }

    /// Timing by hand, not a timed test: `LEAK_BENCH=1 swift test -c release -Xswiftc -enable-testing
    /// --scratch-path .build-leak --filter LeakScaleTests` prints how long making the checker and checking take
    /// (thread CPU time, which a busy machine does not inflate).
    @Test(.enabled(if: LeakCorpus.benchmarkRequested)) func benchmarkTenThousandSecretsAgainstAMegabyte() {
        let corpus = LeakCorpus(secrets: 10_000, outputBytes: 1 << 20, pasted: 100, seed: 0x5EED)
        var checker: LeakChecker?
        let build = cpuSeconds { checker = LeakChecker(secrets: corpus.secrets, released: [corpus.releasedText]) }
        var leaks: [Leak] = []
        let check = cpuSeconds { for _ in 0 ..< 10 { leaks = checker!.check(corpus.output) } } / 10
        print("leak-bench: 10,000 secrets (\(corpus.secretWords) words) and 1 MB released: init \(ms(build)); "
            + "check of 1 MB: \(ms(check)), \(Int(1 / check)) MB/s (\(leaks.count) leaks)")
    }

    /// A cable-sized case repeated to 100 MB of output: 20 secrets, 8 KB released, 8 KB output; init included.
    @Test(.enabled(if: LeakCorpus.benchmarkRequested)) func benchmarkCableSizedSweep() {
        let small = LeakCorpus(secrets: 20, outputBytes: 8 << 10, pasted: 0, seed: 7)
        var total = 0
        let sweep = cpuSeconds {
            for _ in 0 ..< 12_800 {
                let c = LeakChecker(secrets: small.secrets, released: [small.releasedText])
                total += c.check(small.output).count
            }
        }
        print("leak-bench: 12,800 × (20 secrets, 8 KB released, 8 KB output): \(ms(sweep)), \(Int(100 / sweep)) MB/s of output (\(total) leaks)")
    }

    /// The sample cables with every other paragraph withheld (its content replaced by a marker in the output),
    /// the rest released, repeated to 100 MB of cable input; making the checker included.
    @Test(.enabled(if: LeakCorpus.benchmarkRequested)) func benchmarkSampleCablesSweep() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        var cases: [(secrets: [LeakSecret], released: [String], output: [UInt8], input: Int)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
            let cable = try CableParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent(name))), name: name)
            var secrets: [LeakSecret] = []
            var released: [String] = []
            var output = cable.source
            for (k, unit) in cable.paragraphs.enumerated().reversed() {
                if k % 2 == 1 {
                    secrets.append(LeakSecret(text: cable.words(of: unit), unit: unit.label, rule: "classified-not-declassified"))
                    output.replaceSubrange(unit.contentRange, with: Array("[WITHHELD B1 1.4(B), 1.4(D)]".utf8))
                } else {
                    released.append(cable.words(of: unit))
                }
            }
            cases.append((secrets, released, output, cable.source.count))
        }
        let perRound = cases.reduce(0) { $0 + $1.input }
        let rounds = (100 << 20) / perRound + 1
        var leaks = 0
        let sweep = cpuSeconds {
            for _ in 0 ..< rounds {
                for c in cases { leaks += LeakChecker(secrets: c.secrets, released: c.released).check(c.output).count }
            }
        }
        let mb = Double(rounds * perRound) / Double(1 << 20)
        print("leak-bench: \(cases.count) sample cables × \(rounds) (\(Int(mb)) MB of cables, every other paragraph withheld): "
            + "\(ms(sweep)), \(Int(mb / sweep)) MB/s of cable input (\(leaks) leaks)")
    }

    func cpuSeconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        let t0 = now()
        body()
        return now() - t0
    }

    func ms(_ seconds: Double) -> String { "\(Int(seconds * 1000)) ms" }
}

/// Random secrets and an output that holds some of them, from a seeded generator (SplitMix64).
struct LeakCorpus {
    var secrets: [LeakSecret] = []
    var output: [UInt8] = []
    var releasedText = ""
    var expected: [Leak] = []
    var secretWords = 0

    static var benchmarkRequested: Bool {
        ProcessInfo.processInfo.environment["LEAK_BENCH"] == "1"
    }

    init(secrets count: Int, outputBytes: Int, pasted: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for k in 0 ..< count {
            let n = Int(rng.next() % 40) + 1
            let text = (0 ..< n).map { _ in rng.word(7) }.joined(separator: " ")
            secrets.append(LeakSecret(text: text, unit: "¶\(k)", rule: "rule-\(k % 3)"))
            secretWords += n
        }
        var paste = Set<Int>()
        while paste.count < pasted { paste.insert(Int(rng.next() % UInt64(count))) }
        let order = paste.sorted()
        let every = max(1, outputBytes / max(1, pasted + 1))
        var next = 0
        output.reserveCapacity(outputBytes + 2048)
        while output.count < outputBytes {
            if next < order.count, output.count >= every * (next + 1) {
                let s = secrets[order[next]]
                let words = s.text.split(separator: " ").count
                expected.append(Leak(unit: s.unit, rule: s.rule, words: words, offset: output.count))
                output += Array(s.text.uppercased().utf8) + [0x0A]
                next += 1
            }
            output += Array(rng.word(5).utf8) + [rng.next() % 8 == 0 ? 0x0A : 0x20]
        }
        releasedText = (0 ..< outputBytes / 6).map { _ in rng.word(5) }.joined(separator: " ")
    }
}

extension SplitMix64 {
    /// A random word of `length` lower-case ASCII letters.
    mutating func word(_ length: Int) -> String {
        String(decoding: (0 ..< length).map { _ in UInt8(0x61 + next() % 26) }, as: UTF8.self)
    }
}
