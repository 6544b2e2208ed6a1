import DeclassMatch
import Testing

// The fast pass (a scan without SOM, then SOM rescans only of the variable-width patterns that matched)
// must find exactly what one SOM scan finds.

private let specs: [PatternSpec] = [
    PatternSpec(expression: #"\bR[A-Z]{3,6}/"#, multiline: true),
    PatternSpec(expression: #"\b\d{1,3}-year-old\b"#, caseless: true, multiline: true),
    PatternSpec(expression: #"\b(aged|age) \d{1,3}\b"#, caseless: true, multiline: true),
    PatternSpec(expression: #"\b(is |was )?married to (an? )?[a-z-]+( [A-Z][A-Za-z-]+)*"#, multiline: true),
    PatternSpec(expression: #"\b(diagnosed with|suffer(s|ed|ing)? from|treated for) (an? )?[a-z-]+( [a-z-]+)?"#, caseless: true, multiline: true),
    PatternSpec(expression: "Hoagland", literal: true, caseless: true, wholeWord: true),
    PatternSpec(expression: "Zhigalov", literal: true, wholeWord: true),
    PatternSpec(expression: "país", literal: true, caseless: true, wholeWord: true),
    PatternSpec(expression: "a+", multiline: true),
    PatternSpec(expression: "^ab$", multiline: true),
    PatternSpec(expression: #"x\s+y"#),
    PatternSpec(expression: "the Ambassador", literal: true, caseless: true, wholeWord: true),
]

private let texts = [
    "RUEHC/SECSTATE WASHDC, RUEHMO/AMEMBASSY MOSCOW\nHe is married to a Kazakh Diplomat Named Here.",
    "The 45-year-old minister, aged 45, suffers from a heart condition; was married to an engineer.",
    "Ambassador HOAGLAND met Hoaglandish people and hoagland; PAÍS y país, paísano. aaa baaab\nab\nab \nx \n y",
    "diagnosed with cancer treated for malaria Treated For Flu ZHIGALOV Zhigalov_ Zhigalov. THE AMBASSADOR",
    String(repeating: "a", count: 300) + " RABCDEFG/ RABC/ R12/ 999-year-old 1000-year-old",
    "",
    "no match at all here",
]

@Test(arguments: 0..<specs.count)
func fastPassFindsWhatOneSOMScanFinds(drop: Int) throws {
    // Every list less one pattern, and the whole list, so that the pattern numbers shift.
    var list = specs
    if drop > 0 { list.remove(at: drop) }
    let plain = try PatternDatabase(list).makeScanner()
    let fast = try PatternDatabase(list, fastPass: true).makeScanner()
    for text in texts + [texts.joined(separator: "\n")] {
        let bytes = Array(text.utf8)
        #expect(fast.scan(bytes) == plain.scan(bytes), "\(text)")
        #expect(fast.scan(bytes) == plain.scan(bytes), "second scan with the same scanner: \(text)")
    }
}

/// A rescan stops a little past the fast pass's last end of its pattern: what the bytes after a match
/// decide (`\b`, `$`, `\Z`, `\z`, a UTF-8 character cut in two) must come out as in one SOM scan of the
/// whole buffer, on random texts from pieces that put such bytes right after matches.
@Test func aRescanCutShortFindsWhatOneSOMScanOfTheWholeBufferFinds() throws {
    let list = [
        PatternSpec(expression: #"fo+\Z"#), PatternSpec(expression: #"fo+$"#), PatternSpec(expression: #"ba+r?\b"#),
        PatternSpec(expression: #"ba+\z"#), PatternSpec(expression: #"é+.?"#), PatternSpec(expression: #"\bq[a-z]{1,3}$"#, multiline: true),
        PatternSpec(expression: #"z{2,}\B"#), PatternSpec(expression: #"(fo|ba)+\s?\n?\Z"#),
    ]
    let pieces = ["fo", "foo", "o", "ba", "baa", "r", "\n", " ", "é", "éé", "x", "q", "qab", "zz", "zzz", "¶", "\u{2028}"]
    // Four patterns a database: past `maxRescans` matched, the whole database is scanned again instead.
    for group in [Array(list[0..<4]), Array(list[4...])] {
    let plain = try PatternDatabase(group).makeScanner()
    let fast = try PatternDatabase(group, fastPass: true).makeScanner()
    var matched = 0
    for text in randomTexts(3000, from: pieces, seed: 0x0CAB_1E55) {
        // Ended by "#", after which no end assertion holds: the cut, not the buffer's end, is what is
        // tested (matches at the buffer's very end: BufferEndTests).
        let bytes = Array((text + "#").utf8)
        let expected = plain.scan(bytes)
        matched += expected.isEmpty ? 0 : 1
        #expect(fast.scan(bytes) == expected, "\(text.debugDescription)")
    }
    #expect(matched > 1000)
    }
}

@Test func fastPassWithManyVariablePatternsFallsBackToOneScan() throws {
    let list = (0..<70).map { PatternSpec(expression: "w\($0)[a-z]*", caseless: true) }
    let text = Array((0..<70).map { "W\($0)abc w\($0)" }.joined(separator: " ").utf8)
    let plain = try PatternDatabase(list).makeScanner().scan(text)
    #expect(try PatternDatabase(list, fastPass: true).makeScanner().scan(text) == plain)
    #expect(plain.count >= 70)
}

@Test func fastPassRefusesWhatThePlainCompileRefuses() {
    #expect(throws: PatternCompileError(index: 0, message: "Pattern is too large.")) {
        try PatternDatabase([PatternSpec(expression: "(.*a){20}")], fastPass: true)
    }
}
