import DeclassMatch
import Testing

// Matches that end in a buffer's last bytes must be found like any other. On an AVX-512 host, Debian's
// Vectorscan 5.4.9 misses some of them in its AVX-512 code (e.g. `fo+` at the end of 18 bytes or more, in
// a database with a second pattern), so the scanner uses the library's AVX2 routine there.

/// Every maximal span of `fo+` and of `zq` in `text` (touching spans of one pattern merged), found by hand:
/// the reference for the scanner.
private func expectedSpans(_ text: [UInt8]) -> [PatternMatch] {
    var found: [PatternMatch] = []
    for pattern in 0..<2 {
        var spans: [Range<Int>] = []
        var i = 0
        while i < text.count {
            var end = -1
            if pattern == 0, text[i] == UInt8(ascii: "f") {
                var j = i + 1
                while j < text.count, text[j] == UInt8(ascii: "o") { j += 1 }
                if j > i + 1 { end = j }
            } else if pattern == 1, text[i] == UInt8(ascii: "z"), i + 1 < text.count, text[i + 1] == UInt8(ascii: "q") {
                end = i + 2
            }
            if end > 0 {
                if let last = spans.last, last.upperBound >= i { spans[spans.count - 1] = last.lowerBound..<end } else { spans.append(i..<end) }
            }
            i += 1
        }
        found += spans.map { PatternMatch(pattern: pattern, range: $0) }
    }
    return found.sorted { ($0.range.lowerBound, $0.pattern) < ($1.range.lowerBound, $1.pattern) }
}

private let endSpecs = [PatternSpec(expression: "fo+"), PatternSpec(expression: "zq")]

@Test(arguments: [false, true])
func aMatchEndingAtTheBuffersEndIsFoundAtEveryLength(fastPass: Bool) throws {
    let scanner = try PatternDatabase(endSpecs, fastPass: fastPass).makeScanner()
    for length in 2...300 {
        let text = Array((String(repeating: "x", count: length - 2) + "fo").utf8)
        #expect(scanner.scan(text) == [PatternMatch(pattern: 0, range: length - 2..<length)], "length \(length)")
    }
}

@Test(arguments: [false, true])
func matchesNearTheBuffersEndAgreeWithAReferenceOnRandomTexts(fastPass: Bool) throws {
    let scanner = try PatternDatabase(endSpecs, fastPass: fastPass).makeScanner()
    let pieces = ["x", "f", "o", "fo", "foo", "z", "q", "zq", " ", "\n", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]
    var matched = 0
    for text in randomTexts(4000, from: pieces, seed: 0x5EED_0F_E1D) {
        let bytes = Array(text.utf8)
        let expected = expectedSpans(bytes)
        matched += expected.isEmpty ? 0 : 1
        #expect(scanner.scan(bytes) == expected, "\(text.debugDescription)")
    }
    #expect(matched > 2000)
}
