/// Looks for withheld text in an output before it is written, independently of the emitter that made it.
///
/// Fed the secrets (every withheld unit's text and every redacted span's text, labelled) and the texts the
/// policy released (released units, and partly released units with their redacted spans removed), it
/// compares words with case folded and white space and punctuation ignored:
/// - a secret of 6 or more words is looked for as 6-word shingles: any run of 6 consecutive words of the
///   secret standing in the output is a hit;
/// - a secret of 1 to 5 words is looked for as its exact word sequence, whole words only (`Kazakh` does not
///   hit `Kazakhstan`);
/// - a hit is not a leak when the same shingle (or the same short word sequence) also stands in one of the
///   released texts: the policy released those words itself (the engine reports them as `overlap`s);
/// - a secret with no words, and a secret that is a single word shorter than `minimumSingleWordLength`
///   characters, are not looked for and are listed in `skipped`.
///
/// Linear time: the secrets' n-grams are hashed into one table when the checker is made, the released texts
/// mark theirs exempt, and `check` hashes each output word once and each n-gram ending there with one probe.
public struct LeakChecker: Sendable {
    /// Single-word secrets with fewer characters than this are skipped: tokens like `B1`, `C`, `49` or `IN`
    /// stand in the stamp, the `[WITHHELD B1 1.4(B), 1.4(D)]` markers, dates and ordinary prose, so a check
    /// for them would stop almost every release while proving nothing.
    public static let minimumSingleWordLength = 4
    /// Secrets of this many words or more are looked for as shingles of this many words.
    public static let shingleLength = 6

    /// The secrets that are not looked for, and why (in the order given).
    public let skipped: [SkippedSecret]

    private struct Checked: Sendable {
        var unit: String
        var rule: String?
        /// Where the secret's words start in `words`, and how many there are.
        var first: Int
        var count: Int
    }

    private let checked: [Checked]
    /// The words of every checked secret, one after the other.
    private let words: [UInt64]
    private let index: GramIndex
    /// Bit `k` set when some n-gram of `k` words is indexed.
    private let lengths: Int
    /// The longest n-gram indexed.
    private let longest: Int

    /// A checker for `secrets`, allowing the words of `released` (the texts the policy released).
    public init(secrets: [LeakSecret], released: [String]) {
        var skipped: [SkippedSecret] = []
        var checked: [Checked] = []
        var words: [UInt64] = []
        var grams = 0
        for secret in secrets {
            let w = LeakWords(secret.text)
            if w.count == 0 {
                skipped.append(SkippedSecret(unit: secret.unit, rule: secret.rule, reason: .noWords))
                continue
            }
            if w.count == 1 {
                let characters = LeakChecker.characters(secret.text, w.starts[0], w.ends[0])
                if characters < LeakChecker.minimumSingleWordLength {
                    skipped.append(SkippedSecret(unit: secret.unit, rule: secret.rule, reason: .tooShort(characters: characters)))
                    continue
                }
            }
            checked.append(Checked(unit: secret.unit, rule: secret.rule, first: words.count, count: w.count))
            words.append(contentsOf: w.hashes)
            grams += max(1, w.count - LeakChecker.shingleLength + 1)
        }

        var index = GramIndex(expected: grams)
        var lengths = 0
        for (s, c) in checked.enumerated() {
            let all = words[c.first ..< c.first + c.count]
            if c.count >= LeakChecker.shingleLength {
                lengths |= 1 << LeakChecker.shingleLength
                for start in 0 ... (c.count - LeakChecker.shingleLength) {
                    index.add(WordHash.gram(all, start: c.first + start, length: LeakChecker.shingleLength), secret: s, start: start)
                }
            } else {
                lengths |= 1 << c.count
                index.add(WordHash.gram(all, start: c.first, length: c.count), secret: s, start: 0)
            }
        }
        let longest = lengths == 0 ? 0 : (Int.bitWidth - 1 - lengths.leadingZeroBitCount)

        if longest > 0 {
            for text in released {
                let r = LeakWords(text)
                LeakChecker.forEachGram(r.hashes, longest: longest, lengths: lengths) { _, _, key in
                    index.exempt(key)
                }
            }
        }

        self.skipped = skipped
        self.checked = checked
        self.words = words
        self.index = index
        self.lengths = lengths
        self.longest = longest
    }

    /// The leaks in `output`, the bytes about to be written: empty when there is none; at most one per
    /// secret (its first hit), in the order of their offsets.
    public func check(_ output: [UInt8]) -> [Leak] {
        guard longest > 0 else { return [] }
        let out = output.withUnsafeBufferPointer { LeakWords($0) }
        let o = out.hashes
        var found = [Bool](repeating: false, count: checked.count)
        var done = Set<Int>()
        var hits: [(secret: Int, leak: Leak)] = []
        LeakChecker.forEachGram(o, longest: longest, lengths: lengths) { end, length, key in
            guard let slot = index.slot(of: key), index.head(slot) >= 0, !done.contains(slot) else { return }
            let first = end - length + 1
            var settled = true
            var p = index.head(slot)
            while p >= 0 {
                let posting = index.postings[Int(p)]
                p = posting.next
                let s = Int(posting.secret)
                if found[s] { continue }
                let c = checked[s]
                let at = c.first + Int(posting.start)
                guard min(c.count, LeakChecker.shingleLength) == length,
                      o[first ... end].elementsEqual(words[at ..< at + length])
                else {
                    settled = false  // a hash collision: this posting may still match elsewhere
                    continue
                }
                var run = length
                while first + run < o.count, Int(posting.start) + run < c.count, o[first + run] == words[at + run] {
                    run += 1
                }
                found[s] = true
                hits.append((s, Leak(unit: c.unit, rule: c.rule, words: run, offset: out.starts[first])))
            }
            if settled { done.insert(slot) }
        }
        hits.sort { ($0.leak.offset, $0.secret) < ($1.leak.offset, $1.secret) }
        return hits.map(\.leak)
    }

    /// Throws `LeakError.leaked` naming `name` (a path or `-`) when `output` holds withheld text.
    public func verify(_ output: [UInt8], name: String) throws(LeakError) {
        let leaks = check(output)
        if !leaks.isEmpty { throw LeakError.leaked(output: name, leaks: leaks) }
    }

    /// Calls `body(end, length, key)` for every run of `length` words of `words` ending at word `end` whose
    /// length is in `lengths` (a bit set), longest at most `longest`: the n-grams ending at each word are
    /// chained back from it, so all of them cost one hash step each.
    @inline(__always)
    private static func forEachGram(_ words: [UInt64], longest: Int, lengths: Int, _ body: (Int, Int, UInt64) -> Void) {
        words.withUnsafeBufferPointer { w in
            for end in 0 ..< w.count {
                var g: UInt64 = 0
                let deepest = min(longest, end + 1)
                var length = 1
                while length <= deepest {
                    g = WordHash.extend(g, w[end - length + 1])
                    if lengths & (1 << length) != 0 { body(end, length, g) }
                    length += 1
                }
            }
        }
    }

    /// The number of Unicode scalars in `text`'s UTF-8 bytes `start ..< end`.
    private static func characters(_ text: String, _ start: Int, _ end: Int) -> Int {
        var n = 0
        var i = 0
        for c in text.utf8 {
            if i >= end { break }
            if i >= start, c & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}
