import DeclassKit
import DeclassTestSupport
import Testing

/// The leak checker against a plain word-by-word search, on random outputs made of few words with a run of
/// some secret's words pasted in (so that secrets stand in them often, whole and in part): the filters in front of its table may only turn away
/// what cannot be a hit, so both must find the same leaks.
@Suite struct LeakReferenceTests {
    static let vocabulary = ["alpha", "Bravo", "CHARLIE", "delta", "echo", "foxtrot", "golf", "hotel"]
    static let separators = [" ", " ", ", ", "\n", ". ", " -- "]

    /// `count` words of the vocabulary, each in a random case.
    static func words(_ count: Int, _ g: inout SplitMix64) -> [String] {
        (0 ..< count).map { _ in
            let w = vocabulary[Int(g.next() % UInt64(vocabulary.count))]
            switch g.next() % 3 {
            case 0: return w.lowercased()
            case 1: return w.uppercased()
            default: return w
            }
        }
    }

    /// The leaks a plain search finds: for each secret, the earliest place (then the earliest of its words)
    /// where its first `min(count, 6)` words from some word on stand in the output, case folded; the hit
    /// counts the secret's words that go on matching from there.
    static func reference(_ secrets: [[String]], _ output: [String], offsets: [Int], units: [String]) -> [Leak] {
        let out = output.map { $0.lowercased() }
        var found: [(offset: Int, secret: Int, leak: Leak)] = []
        for (i, secret) in secrets.enumerated() {
            let s = secret.map { $0.lowercased() }
            let gram = min(s.count, LeakChecker.shingleLength)
            search: for p in out.indices {
                for start in 0 ... (s.count - gram) where p + gram <= out.count && Array(out[p ..< p + gram]) == Array(s[start ..< start + gram]) {
                    var n = 0
                    while start + n < s.count, p + n < out.count, s[start + n] == out[p + n] { n += 1 }
                    found.append((offsets[p], i, Leak(unit: units[i], rule: "r", words: n, offset: offsets[p])))
                    break search
                }
            }
        }
        return found.sorted { ($0.offset, $0.secret) < ($1.offset, $1.secret) }.map(\.leak)
    }

    @Test func theCheckerFindsWhatAPlainSearchFindsOnRandomOutputs() {
        var g = SplitMix64(seed: 0x1EAC_5EA2)
        var hits = 0
        for round in 0 ..< 300 {
            let secrets = (0 ..< 1 + Int(g.next() % 6)).map { _ in Self.words(1 + Int(g.next() % 9), &g) }
            let units = secrets.indices.map { "¶\($0 + 1)" }
            var output = Self.words(Int(g.next() % 120), &g)
            // A run of some secret's words pasted in, whole or in part.
            let pasted = secrets[Int(g.next() % UInt64(secrets.count))]
            let from = Int(g.next() % UInt64(pasted.count))
            output.insert(contentsOf: pasted[from ..< from + 1 + Int(g.next() % UInt64(pasted.count - from))],
                          at: Int(g.next() % UInt64(output.count + 1)))
            var text = "", offsets: [Int] = []
            for w in output {
                text += Self.separators[Int(g.next() % UInt64(Self.separators.count))]
                offsets.append(text.utf8.count)
                text += w
            }
            let checker = LeakChecker(secrets: zip(secrets, units).map { LeakSecret(text: $0.joined(separator: " "), unit: $1, rule: "r") },
                                      released: [])
            let expected = Self.reference(secrets, output, offsets: offsets, units: units)
            #expect(checker.check(Array(text.utf8)) == expected, "round \(round)")
            hits += expected.count
        }
        #expect(hits > 200, "the random outputs hold too few secrets to test the search")
    }
}
