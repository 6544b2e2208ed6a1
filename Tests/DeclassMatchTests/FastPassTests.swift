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
