import DeclassMatch
import Foundation
import Testing

/// Scans `text` with a database compiled from `specs`; returns (pattern, range) pairs.
private func matches(_ specs: [PatternSpec], in text: String) throws -> [PatternMatch] {
    try PatternDatabase(specs).makeScanner().scan(Array(text.utf8))
}

/// The bytes of `text` covered by `range`, as a string.
private func slice(_ text: String, _ range: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[range], as: UTF8.self)
}

// MARK: - Literals

@Test func findsALiteralTerm() throws {
    let text = "Met with Ambassador Hoagland in Astana."
    let found = try matches([PatternSpec(expression: "Hoagland", literal: true)], in: text)
    #expect(found == [PatternMatch(pattern: 0, range: 20..<28)])
}

@Test func literalEscapesRegexMetacharacters() throws {
    let text = "see para 1.4(b) and 1.4 b and 1x4(b)"
    let found = try matches([PatternSpec(expression: "1.4(b)", literal: true)], in: text)
    #expect(found.map { slice(text, $0.range) } == ["1.4(b)"])
}

@Test func literalWithSpacesAndBackslashMatchesItself() throws {
    let text = "path C:\\TEMP\\x, tab\there"
    let found = try matches([PatternSpec(expression: "C:\\TEMP\\x", literal: true),
                             PatternSpec(expression: "tab\there", literal: true)], in: text)
    #expect(found.map { slice(text, $0.range) } == ["C:\\TEMP\\x", "tab\there"])
}

@Test func caselessMatchesAnyCase() throws {
    let text = "SUBJECT: the ambassador and the AMBASSADOR"
    let found = try matches([PatternSpec(expression: "Ambassador", literal: true, caseless: true)], in: text)
    #expect(found.map { slice(text, $0.range) } == ["ambassador", "AMBASSADOR"])
}

@Test func caseSensitiveByDefault() throws {
    let found = try matches([PatternSpec(expression: "Ambassador", literal: true)], in: "the AMBASSADOR")
    #expect(found.isEmpty)
}

@Test func wholeWordDoesNotMatchInsideALongerWord() throws {
    let text = "Tokayev, Tokayevs and NeoTokayev; Tokayev."
    let found = try matches([PatternSpec(expression: "Tokayev", literal: true, wholeWord: true)], in: text)
    #expect(found == [PatternMatch(pattern: 0, range: 0..<7), PatternMatch(pattern: 0, range: 34..<41)])
}

@Test func wholeWordCountsNonASCIILettersAsWordCharacters() throws {
    // Vectorscan's own \b is ASCII-only here; the scanner checks the edges against Unicode letters.
    let text = "PAÍS, SÍnez; PA and Ínez."
    let found = try matches([PatternSpec(expression: "PA", literal: true, wholeWord: true),
                             PatternSpec(expression: "Ínez", literal: true, wholeWord: true)], in: text)
    #expect(found.map { slice(text, $0.range) } == ["PA", "Ínez"])
}

@Test func wholeWordOnlyChecksEdgesThatAreWordCharacters() throws {
    // "U.S." ends in a period: nothing is required after it, so "U.S.-led" still matches.
    let text = "U.S.-led and JU.S. and U.S."
    let found = try matches([PatternSpec(expression: "U.S.", literal: true, wholeWord: true)], in: text)
    #expect(found.map(\.range.lowerBound) == [0, 23])
}

// MARK: - Many patterns

@Test func fiveThousandLiteralNamesCompileIntoOneDatabaseAndOneScanFindsThem() throws {
    let given = ["Aliya", "Bolat", "Dariga", "Erlan", "Gulnara", "Kairat", "Marat", "Nurlan", "Saule", "Timur"]
    let family = (0..<500).map { "Family\($0)ov" }
    let names = family.flatMap { last in given.map { "\($0) \(last)" } }
    #expect(names.count == 5_000)
    let started = Date()
    let database = try PatternDatabase(names.map {
        PatternSpec(expression: $0, literal: true, caseless: true, wholeWord: true)
    })
    // ~0.3 s. Compiled with `\b` edges and HS_FLAG_UTF8 the same list took ~12 s (see PatternSpec).
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(database.count == 5_000)

    let text = "Bolat Family7ov met SAULE FAMILY499OV; Bolat Family7ovich and Aliya Family12 did not."
    let found = database.makeScanner().scan(Array(text.utf8))
    #expect(found.map { names[$0.pattern] } == ["Bolat Family7ov", "Saule Family499ov"])
    #expect(found.map { slice(text, $0.range) } == ["Bolat Family7ov", "SAULE FAMILY499OV"])
}

@Test func matchesAreSortedByStartThenPattern() throws {
    let text = "married to a teacher"
    let found = try matches([PatternSpec(expression: "teacher", literal: true),
                             PatternSpec(expression: "married to an? [a-z ]+"),
                             PatternSpec(expression: "married", literal: true)], in: text)
    #expect(found == [PatternMatch(pattern: 1, range: 0..<20), PatternMatch(pattern: 2, range: 0..<7),
                      PatternMatch(pattern: 0, range: 13..<20)])
}

// MARK: - Spans

@Test func startOfMatchIsTheLeftmostStart() throws {
    let found = try matches([PatternSpec(expression: #"\b\d{2}-year-old\b"#)], in: "The 49-year-old Zhigalov")
    #expect(found == [PatternMatch(pattern: 0, range: 4..<15)])
}

@Test func spanAroundACurlyApostropheIsByteExact() throws {
    let text = "Ask Zhigalov’s office"   // ’ is U+2019, three bytes
    let found = try matches([PatternSpec(expression: "Zhigalov’s", literal: true)], in: text)
    #expect(found == [PatternMatch(pattern: 0, range: 4..<16)])
    #expect(slice(text, found[0].range) == "Zhigalov’s")
}

@Test func caselessSpanOverNonASCIILettersIsByteExact() throws {
    let text = "según EL PAÍS de hoy"   // ú and Í are two bytes each
    let found = try matches([PatternSpec(expression: "país", literal: true, caseless: true)], in: text)
    #expect(found == [PatternMatch(pattern: 0, range: 10..<15)])
    #expect(slice(text, found[0].range) == "PAÍS")
}

@Test func overlappingMatchesOfOnePatternMerge() throws {
    // Vectorscan reports a+ over "aaa" three times (0..<1, 0..<2, 0..<3): one span comes out.
    #expect(try matches([PatternSpec(expression: "a+")], in: "aaa b") == [PatternMatch(pattern: 0, range: 0..<3)])
    // Overlapping occurrences of a literal merge too.
    #expect(try matches([PatternSpec(expression: "aba", literal: true)], in: "ababa")
            == [PatternMatch(pattern: 0, range: 0..<5)])
}

@Test func touchingMatchesOfOnePatternMerge() throws {
    #expect(try matches([PatternSpec(expression: "ab", literal: true)], in: "abab ab")
            == [PatternMatch(pattern: 0, range: 0..<4), PatternMatch(pattern: 0, range: 5..<7)])
}

@Test func overlappingMatchesOfDifferentPatternsStaySeparate() throws {
    let found = try matches([PatternSpec(expression: "abc", literal: true),
                             PatternSpec(expression: "bcd", literal: true)], in: "abcd")
    #expect(found == [PatternMatch(pattern: 0, range: 0..<3), PatternMatch(pattern: 1, range: 1..<4)])
}

// MARK: - Refused patterns

@Test func backReferenceIsRefusedWithItsIndex() {
    #expect(throws: PatternCompileError(index: 1, message: "Back-references are unsupported.")) {
        try PatternDatabase([PatternSpec(expression: "ok"), PatternSpec(expression: #"(a)\1"#)])
    }
}

@Test func lookBehindIsRefusedWithItsIndex() {
    #expect(throws: PatternCompileError(index: 2, message: "Zero-width assertions are not supported.")) {
        try PatternDatabase([PatternSpec(expression: "ok"), PatternSpec(expression: "fine"),
                             PatternSpec(expression: "(?<=x)y")])
    }
}

@Test func lookAheadIsRefusedWithItsIndex() {
    #expect(throws: PatternCompileError(index: 0, message: "Zero-width assertions are not supported.")) {
        try PatternDatabase([PatternSpec(expression: "x(?=y)"), PatternSpec(expression: "ok")])
    }
}

@Test func patternMatchingTheEmptyStringIsRefused() {
    #expect(throws: PatternCompileError(index: 1, message: "Pattern matches empty buffer.")) {
        try PatternDatabase([PatternSpec(expression: "ok"), PatternSpec(expression: "a*")])
    }
}

@Test func emptyLiteralIsRefused() {
    #expect(throws: PatternCompileError(index: 0, message: "Pattern matches empty buffer.")) {
        try PatternDatabase([PatternSpec(expression: "", literal: true)])
    }
}

@Test func nulInAnExpressionIsRefusedNotTruncated() {
    #expect(throws: PatternCompileError(index: 1, message: "Expression contains a NUL character.")) {
        try PatternDatabase([PatternSpec(expression: "ok"), PatternSpec(expression: "a\u{0}(b")])
    }
}

@Test func syntaxErrorOffsetIsRelativeToTheExpressionAsWritten() {
    // With wholeWord the regex is compiled as \b(?:…)\b; the offset still points into what the user wrote.
    #expect(throws: PatternCompileError(index: 0, message: "Unterminated character class starting at index 2.")) {
        try PatternDatabase([PatternSpec(expression: "ab[c", wholeWord: true)])
    }
}

@Test func compileErrorDescriptionNamesThePattern() {
    #expect(PatternCompileError(index: 3, message: "Back-references are unsupported.").description
            == "pattern 3: Back-references are unsupported.")
}

// MARK: - Pathological patterns

private let megabyteOfA = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)

@Test func nestedQuantifierRunsInLinearTime() throws {
    // (a+)+$ compiles (well under 1 ms) and scans a 1 MB line of 'a's in a few ms: no backtracking.
    let start = Date()
    let found = try PatternDatabase([PatternSpec(expression: "(a+)+$")]).makeScanner().scan(megabyteOfA)
    #expect(found == [PatternMatch(pattern: 0, range: 0..<(1 << 20))])
    #expect(Date().timeIntervalSince(start) < 2)
}

@Test func repeatedDotStarGroupIsRefusedAsTooLarge() {
    // (.*a){20} is refused when compiled (in ~5 ms), before any scan: with SOM_LEFTMOST the engine it needs
    // is too large. (A smaller cousin, (.*a){10}, compiles and scans the 1 MB line in ~0.1 s in release.)
    #expect(throws: PatternCompileError(index: 0, message: "Pattern is too large.")) {
        try PatternDatabase([PatternSpec(expression: "(.*a){20}")])
    }
}

// MARK: - Edge cases

@Test func emptyPatternListScansToNothing() throws {
    let database = try PatternDatabase([])
    #expect(database.count == 0)
    #expect(database.makeScanner().scan(Array("anything at all".utf8)).isEmpty)
}

@Test func emptyBufferScansToNothing() throws {
    #expect(try PatternDatabase([PatternSpec(expression: "a")]).makeScanner().scan([UInt8]()).isEmpty)
}

@Test func oneDatabaseServesScannersOnManyThreads() async throws {
    let database = try PatternDatabase([PatternSpec(expression: #"\b\d{2}-year-old\b"#)])
    let text = Array("The 49-year-old Zhigalov".utf8)
    let results = await withTaskGroup(of: [PatternMatch].self) { group in
        for _ in 0..<8 {
            group.addTask {
                let scanner = database.makeScanner()
                var last: [PatternMatch] = []
                for _ in 0..<200 { last = scanner.scan(text) }
                return last
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == [PatternMatch(pattern: 0, range: 4..<15)] })
}

@Test func scannerIsReusableAcrossBuffers() throws {
    let scanner = try PatternDatabase([PatternSpec(expression: "x+")]).makeScanner()
    #expect(scanner.scan(Array("xx".utf8)) == [PatternMatch(pattern: 0, range: 0..<2)])
    #expect(scanner.scan(Array("abc".utf8)).isEmpty)
    #expect(scanner.scan(Array("ax".utf8)) == [PatternMatch(pattern: 0, range: 1..<2)])
}
