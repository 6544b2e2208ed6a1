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
/// Linear time: the secrets' n-grams are put into a bit filter by their rolling keys (`GramFilterKey`) when
/// the checker is made (and those that some n-gram of the output may be are hashed into a table of where
/// they stand in the secrets, by a check whose output the filter finds one in: most find none); `check`
/// reads the output once, probing a bit filter of
/// the secrets' words with each word's key (its first eight folded bytes and its length, `LeakWord`): a word
/// the filter does not hold goes no further, not even hashed; the others are hashed once, the filter keys
/// of the n-grams that end at it built (up to six steps, over the newest words in a row that the words'
/// filter holds: an n-gram with a word no secret holds is not indexed), the filter probed for the lengths
/// some secret is looked for by, and each n-gram the filter holds is hashed (`WordHash.extend`) and noted
/// with where it stands; nothing of the output is copied. Only when some n-gram was
/// found are the released texts read, to drop the n-grams they hold; each secret's first remaining hit is
/// then read on from its offset to count its words.
public struct LeakChecker: Sendable {
    /// Single-word secrets with fewer characters than this are skipped: tokens like `B1`, `C`, `49` or `IN`
    /// stand in the stamp, the `[WITHHELD B1 1.4(B), 1.4(D)]` markers, dates and ordinary prose, so a check
    /// for them would stop almost every release while proving nothing.
    public static let minimumSingleWordLength = 4
    /// Secrets of this many words or more are looked for as shingles of this many words (`GramWindow` keeps
    /// as many words).
    public static let shingleLength = 6

    /// The secrets that are not looked for, and why (in the order given).
    public let skipped: [SkippedSecret]

    private struct Checked: Sendable {
        var unit: String
        var rule: String?
        /// Where the secret's words start in `words`, and how many there are.
        var first: Int
        var count: Int
        /// The length of the n-grams it is looked for by: 6, or all its words when it has fewer.
        var gram: Int { min(count, LeakChecker.shingleLength) }
    }

    /// Where each indexed n-gram (by its slot) first stands in the output: the byte offset of its first
    /// word, and its length in words.
    private typealias FirstSeen = [Int: (offset: Int, length: Int)]

    /// An n-gram the filter holds: its hash (`WordHash.extend` chained), its filter key (`GramFilterKey`),
    /// where it stands in the output (its first word's byte offset) and its length in words.
    private typealias Candidate = (key: UInt64, filterKey: UInt64, offset: Int, length: Int)

    private let checked: [Checked]
    /// The words of every checked secret, one after the other.
    private let words: [UInt64]
    /// Every n-gram the secrets are looked for by, by its `GramFilterKey`: the output's n-grams it does not
    /// hold go no further. Only a check that finds candidates hashes some secrets' n-grams (those the
    /// candidates' filter keys may be), so a checker keeps no hashes of them.
    private let filter: BitFilter
    /// Every word of every checked secret, by its key (`LeakWord.key`, cheaper than its hash): an n-gram is
    /// only looked for when each of its words is here, and only those words are hashed.
    private let wordFilter: SingleBitFilter
    /// Bit `k` set when some n-gram of `k` words is indexed.
    private let lengths: Int
    /// The longest n-gram indexed (0 when nothing is looked for).
    private let longest: Int
    /// The texts the policy released, read only when an n-gram of a secret stands in the output.
    private let released: [String]
    /// When set, gives the released texts in place of `released`, only when a check needs them: byte
    /// ranges of a source, read as one text with a word break between ranges.
    private let makeReleased: (@Sendable () -> (source: [UInt8], ranges: [Range<Int>]))?

    /// A checker for `secrets`, allowing the words of `released` (the texts the policy released).
    public init(secrets: [LeakSecret], released: [String]) {
        self.init(secrets: secrets, released: released, makeReleased: nil)
    }

    /// A checker for `secrets`, allowing the texts `makeReleased` makes: it is called only by a check that
    /// finds some n-gram of a secret in its output (most outputs hold none), not when the checker is made.
    /// The released texts are given as byte ranges of a source (read in place, one text with a word break
    /// between ranges: no strings are made for them).
    init(secrets: [LeakSecret], releasedBy makeReleased: @escaping @Sendable () -> (source: [UInt8], ranges: [Range<Int>])) {
        self.init(secrets: secrets, released: [], makeReleased: makeReleased)
    }

    /// A checker for the withheld parts of a release (each part's text, labelled by its unit and rule, as
    /// `LeakSecret`s of them would be), allowing the texts `makeReleased` makes (as above). The parts are read
    /// in place: no array of secrets is made (a copy of every text, label and rule, released again at once).
    init(withheld: [WithheldPart], releasedBy makeReleased: @escaping @Sendable () -> (source: [UInt8], ranges: [Range<Int>])) {
        self.init(secrets: withheld, released: [], makeReleased: makeReleased)
    }

    private init<S: LeakSecretFields>(secrets: [S], released: [String], makeReleased: (@Sendable () -> (source: [UInt8], ranges: [Range<Int>]))?) {
        var skipped: [SkippedSecret] = []
        var checked: [Checked] = []
        var words: [UInt64] = []
        /// Each word's key (`LeakWord.key`), for the words' filter.
        var wordKeys: [UInt64] = []
        var grams = 0
        var bytes = 0, longestText = 0
        for i in secrets.indices {
            let n = secrets[i].secretText.utf8.count
            bytes += n
            longestText = max(longestText, n)
        }
        words.reserveCapacity(bytes / 5)
        wordKeys.reserveCapacity(bytes / 5)
        checked.reserveCapacity(secrets.count)
        // Each secret's words and their keys are written to one buffer (room for the longest, twice) and
        // appended at once.
        let room = longestText / 2 + 1
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * room)
        defer { scratch.deallocate() }
        // Read by index: `for secret in secrets` copied each secret, retaining its fields.
        for i in secrets.indices {
            var text = secrets[i].secretText
            let (count, firstWord) = text.withUTF8 { LeakWords.write($0, to: scratch, keys: scratch + room) }
            guard let firstWord else {
                skipped.append(SkippedSecret(unit: secrets[i].secretUnit, rule: secrets[i].secretRule, reason: .noWords))
                continue
            }
            if count == 1 {
                let characters = LeakChecker.scalars(text, firstWord)
                if characters < LeakChecker.minimumSingleWordLength {
                    skipped.append(SkippedSecret(unit: secrets[i].secretUnit, rule: secrets[i].secretRule, reason: .tooShort(characters: characters)))
                    continue
                }
            }
            let first = words.count
            words.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
            wordKeys.append(contentsOf: UnsafeBufferPointer(start: scratch + room, count: count))
            checked.append(Checked(unit: secrets[i].secretUnit, rule: secrets[i].secretRule, first: first, count: count))
            grams += count - min(count, LeakChecker.shingleLength) + 1
        }

        // Few false alarms: an output whose n-grams the filter all turns away needs no table.
        var filter = BitFilter(expected: grams, bitsPerEntry: 32)
        var wordFilter = SingleBitFilter(expected: words.count)
        for k in words.indices {
            wordFilter.insert(wordKeys[k])
            words[k] = WordHash.finish(words[k])
        }
        var lengths = 0
        for c in checked { lengths |= 1 << c.gram }
        words.withUnsafeBufferPointer { w in
            filter.withInserter { filter in
                LeakChecker.forEachGram(of: checked, w) { key, _, _ in filter.insert(key) }
            }
        }

        self.skipped = skipped
        self.checked = checked
        self.words = words
        self.filter = filter
        self.wordFilter = wordFilter
        self.lengths = lengths
        self.longest = lengths == 0 ? 0 : Int.bitWidth - 1 - lengths.leadingZeroBitCount
        self.released = released
        self.makeReleased = makeReleased
    }

    /// The leaks in `output`, the bytes about to be written: empty when there is none; at most one per
    /// secret (its first hit), in the order of their offsets (then of the secrets as given).
    public func check(_ output: [UInt8]) -> [Leak] {
        guard longest > 0 else { return [] }
        let candidates = self.candidates(output)
        guard !candidates.isEmpty else { return [] }
        // Only the secrets' n-grams that some candidate may be are indexed (a filter of the candidates' keys,
        // which are few, turns the others away): the table is looked up by candidates' keys alone, and then
        // by the released texts' keys only for the slots they found, so the others would never be read. The
        // secrets' n-grams are hashed here, only those whose filter keys the candidates' filter holds.
        var wanted = BitFilter(expected: candidates.count, bitsPerEntry: 32)
        for c in candidates { wanted.insert(c.filterKey) }
        var index = GramIndex(expected: candidates.count)
        words.withUnsafeBufferPointer { w in
            LeakChecker.forEachGram(of: checked, w) { key, s, start in
                guard wanted.contains(key) else { return }
                index.add(LeakChecker.gramHash(w, from: checked[s].first + start, length: checked[s].gram), secret: s, start: start)
            }
        }
        var seen: FirstSeen = [:]
        for c in candidates {
            guard let slot = index.slot(of: c.key), seen[slot] == nil else { continue }
            seen[slot] = (c.offset, c.length)
        }
        guard !seen.isEmpty else { return [] }
        // As in `candidates`: an indexed n-gram has only words of the secrets, so the words the word filter
        // turns away (most released words) go no further.
        func exclude(_ b: UnsafeBufferPointer<UInt8>, _ window: inout GramWindow, _ run: inout Int) {
            LeakWords.forEachWord(b) { w in
                guard wordFilter.contains(w.key) else {
                    run = 0
                    return true
                }
                run += 1
                window.push(WordHash.finish(w.unmixed(b)), start: w.start)
                LeakChecker.forEachGram(window, depth: run, filter, lengths: lengths, longest: longest) { length in
                    if let slot = index.slot(of: LeakChecker.gramHash(window, length: length)) { seen[slot] = nil }
                }
                return true
            }
        }
        if let makeReleased {
            let (source, ranges) = makeReleased()
            source.withUnsafeBufferPointer { b in
                var window = GramWindow()
                defer { window.free() }
                var run = 0
                for r in ranges where !seen.isEmpty {
                    exclude(UnsafeBufferPointer(rebasing: b[r]), &window, &run)
                }
            }
        }
        for text in released where !seen.isEmpty {
            var text = text
            text.withUTF8 { b in
                var window = GramWindow()
                defer { window.free() }
                var run = 0
                exclude(b, &window, &run)
            }
        }
        // Each secret's first hit: the earliest first place of its n-grams the policy did not release.
        var first: [Int: (offset: Int, start: Int)] = [:]
        for (slot, at) in seen {
            var p = index.head(slot)
            while p >= 0 {
                let posting = index.postings[Int(p)]
                p = posting.next
                let s = Int(posting.secret)
                let start = Int(posting.start)
                guard checked[s].gram == at.length else { continue }  // keys of other lengths never collide but for 2⁻⁶⁴
                if let f = first[s], (f.offset, f.start) <= (at.offset, start) { continue }
                first[s] = (at.offset, start)
            }
        }
        return first.sorted { ($0.value.offset, $0.key) < ($1.value.offset, $1.key) }.compactMap { s, f in
            let words = run(output, at: f.offset, secret: checked[s], from: f.start)
            guard words >= checked[s].gram else { return nil }
            return Leak(unit: checked[s].unit, rule: checked[s].rule, words: words, offset: f.offset)
        }
    }

    /// Every n-gram of `output` the filter holds, in the order they stand (by where they end, then by
    /// length); the filter's false alarms among them are dropped by the table.
    private func candidates(_ output: [UInt8]) -> [Candidate] {
        // Read into locals: the reading closures then capture these, not a copy of the checker.
        let filter = filter, lengths = lengths, longest = longest
        return wordFilter.withProbe { wordFilter in
            output.withUnsafeBufferPointer { b in
                var found: [Candidate] = []
                var window = GramWindow()
                defer { window.free() }
                /// How many of the newest words some checked secret holds, in a row: longer n-grams cannot be
                /// indexed. Only those words are hashed and pushed into the window; the others go no further.
                var run = 0
                LeakWords.forEachHeldWord(b, keep: { wordFilter.contains($0) }) { w, afterHeld in
                    run = afterHeld ? run + 1 : 1
                    window.push(WordHash.finish(w.unmixed(b)), start: w.start)
                    LeakChecker.forEachGram(window, depth: run, filter, lengths: lengths, longest: longest) { length in
                        LeakChecker.note(&found, window, length)
                    }
                    return true
                }
                return found
            }
        }
    }

    /// Appends the n-gram of `length` words ending at the window's newest word (which the filter holds) to
    /// `found`, hashed: kept out of line, so that the reading loop (where the filter's hits are rare) stays
    /// small enough to hold its state in registers.
    @inline(never)
    private static func note(_ found: inout [Candidate], _ window: GramWindow, _ length: Int) {
        found.append((gramHash(window, length: length), filterKey(window, length: length), window.start(back: length - 1), length))
    }

    /// The hash of the n-gram of `length` words ending at the window's newest word: chained from its last
    /// word back to its first (`WordHash.extend`).
    private static func gramHash(_ window: GramWindow, length: Int) -> UInt64 {
        var g: UInt64 = 0
        for back in 0 ..< length { g = WordHash.extend(g, window.hash(back: back)) }
        return g
    }

    /// The `GramFilterKey` of the n-gram of `length` words ending at the window's newest word.
    private static func filterKey(_ window: GramWindow, length: Int) -> UInt64 {
        var key: UInt64 = 0
        for back in 0 ..< length { key ^= GramFilterKey.term(window.hash(back: back), back: back) }
        return key
    }

    /// The hash of the n-gram of `length` words `w[from..<from + length]`, as `gramHash` of a window.
    private static func gramHash(_ w: UnsafeBufferPointer<UInt64>, from: Int, length: Int) -> UInt64 {
        var g: UInt64 = 0
        var k = from + length
        while k > from {
            k -= 1
            g = WordHash.extend(g, w[k])
        }
        return g
    }

    /// Calls `body(key, secret, start)` for every n-gram the `checked` secrets (their words in `w`) are
    /// looked for by, secret after secret and by the word it starts at: its `GramFilterKey` (rolled from
    /// the last n-gram's), the secret's index and the word it starts at.
    @inline(__always)
    private static func forEachGram(of checked: [Checked], _ w: UnsafeBufferPointer<UInt64>, _ body: (UInt64, Int, Int) -> Void) {
        for s in checked.indices {
            let first = checked[s].first, count = checked[s].count, gram = checked[s].gram
            var key: UInt64 = 0
            for k in 0 ..< count {
                key = GramFilterKey.appending(key, w[first + k])
                // The word `gram` places before the new one leaves the n-gram (only when `gram` is 6).
                if k >= gram { key ^= GramFilterKey.term(w[first + k - gram], back: gram) }
                if k >= gram - 1 { body(key, s, k - gram + 1) }
            }
        }
    }

    /// How many consecutive words of `secret`, from its word `from` on, stand in `output` from byte `offset`.
    private func run(_ output: [UInt8], at offset: Int, secret: Checked, from: Int) -> Int {
        var n = 0
        output.withUnsafeBufferPointer { b in
            LeakWords.forEach(UnsafeBufferPointer(rebasing: b[offset...])) { u, _, _ in
                guard from + n < secret.count, words[secret.first + from + n] == WordHash.finish(u) else { return false }
                n += 1
                return true
            }
        }
        return n
    }

    /// Throws `LeakError.leaked` naming `name` (a path or `-`) when `output` holds withheld text.
    public func verify(_ output: [UInt8], name: String) throws(LeakError) {
        let leaks = check(output)
        if !leaks.isEmpty { throw LeakError.leaked(output: name, leaks: leaks) }
    }

    /// Calls `body(length)` for the n-grams ending at the window's newest word that may be indexed: their
    /// filter keys (`GramFilterKey`) built back from the newest word one term per word, up to `longest`
    /// words (and at most `depth`) (written out, no loop); only lengths some secret is looked for by, whose
    /// keys `filter` (the checker's) holds, are passed on; `lengths` and `longest` are the checker's.
    @inline(__always)
    private static func forEachGram(_ window: GramWindow, depth: Int, _ filter: BitFilter, lengths: Int, longest: Int,
                                    _ body: (Int) -> Void) {
        // Not `min`: the variadic one makes an array, and the reading loops leave even the plain one out of line.
        let shallower = longest < window.count ? longest : window.count
        let deepest = shallower < depth ? shallower : depth
        @inline(__always) func visit(_ length: Int, _ key: UInt64) {
            if lengths & (1 << length) != 0, filter.contains(key) { body(length) }
        }
        var key = window.hash(back: 0)
        visit(1, key)
        guard deepest >= 2 else { return }
        key ^= GramFilterKey.term(window.hash(back: 1), back: 1)
        visit(2, key)
        guard deepest >= 3 else { return }
        key ^= GramFilterKey.term(window.hash(back: 2), back: 2)
        visit(3, key)
        guard deepest >= 4 else { return }
        key ^= GramFilterKey.term(window.hash(back: 3), back: 3)
        visit(4, key)
        guard deepest >= 5 else { return }
        key ^= GramFilterKey.term(window.hash(back: 4), back: 4)
        visit(5, key)
        guard deepest >= 6 else { return }
        key ^= GramFilterKey.term(window.hash(back: 5), back: 5)
        visit(6, key)
    }

    /// The number of Unicode scalars in `text`'s UTF-8 bytes `range` (its bytes that do not continue a scalar).
    private static func scalars(_ text: String, _ range: Range<Int>) -> Int {
        var text = text
        return text.withUTF8 { b in b[range].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }
}
