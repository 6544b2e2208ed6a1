import Foundation
import Testing
@testable import DeclassKit

/// `HeaderLines.kind`, whose prefixes are tested by the line's first letter, against the chain of prefix
/// tests it replaced, on every corpus line and on random header-like text, after each previous kind.
@Suite("Header kind by first letter")
struct HeaderKindSwitchTests {
    /// The prefix tests in their former order, each on every line; nil when none matches (the rest of `kind`
    /// is shared).
    func referencePrefixKind(_ t: ByteText, _ lo: Int, _ hi: Int) -> UnitKind? {
        if t.hasPrefixCI(lo, hi, "VZCZC") || t.hasPrefixCI(lo, hi, "DE R") || t.hasPrefixCI(lo, hi, "ZNY ") || t.hasPrefixCI(lo, hi, "ZNR ") { return .routing }
        if t.hasPrefixCI(lo, hi, "FM ") { return .from }
        if t.hasPrefixCI(lo, hi, "TO ") { return .to }
        if t.hasPrefixCI(lo, hi, "INFO "), t.hasPrefixCI(t.skipSpaces(lo + 5, hi), hi, "LOG-") { return .distribution }
        if t.hasPrefixCI(lo, hi, "ACTION ") { return .distribution }
        if t.hasPrefixCI(lo, hi, "INFO ") { return .info }
        if t.hasPrefixCI(lo, hi, "THIS RECORD IS A PARTIAL EXTRACT") { return .notice }
        if hi - lo > 6, t[lo] == 0x2D, t[lo + 1] == 0x2D, t[lo + 2] == 0x2D { return .distribution }
        return nil
    }

    /// Expects `kind` to give the reference's prefix kind when there is one, for each previous kind.
    func expectAgreement(_ s: String) {
        let bytes = Array(s.utf8) + [0x0A]
        bytes.withUnsafeBufferPointer { buf in
            let t = ByteText(buf)
            let line = SourceLine(start: 0, end: bytes.count - 1, next: bytes.count, lo: 0, hi: bytes.count - 1)
            guard let expected = referencePrefixKind(t, 0, bytes.count - 1) else { return }
            for previous in [nil, .to, .info, .distribution, .headerText] as [UnitKind?] {
                #expect(HeaderLines.kind(t, line, previous: previous) == expected, "\(s.debugDescription)")
            }
        }
    }

    /// True when the reference's prefix tests find nothing and `kind` does not return a prefix-only kind
    /// (`from`, `notice`) it could only have from them.
    func expectNoPrefixKind(_ s: String) {
        let bytes = Array(s.utf8) + [0x0A]
        bytes.withUnsafeBufferPointer { buf in
            let t = ByteText(buf)
            let line = SourceLine(start: 0, end: bytes.count - 1, next: bytes.count, lo: 0, hi: bytes.count - 1)
            guard referencePrefixKind(t, 0, bytes.count - 1) == nil else { return }
            let kind = HeaderLines.kind(t, line, previous: .headerText)
            #expect(kind != .from && kind != .notice && kind != .to && kind != .info, "\(s.debugDescription)")
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        for line in try Fixtures.corpusLines() where !line.isEmpty {
            expectAgreement(String(line))
            expectNoPrefixKind(String(line))
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["VZCZC", "DE R", "ZNY ", "ZNR ", "FM ", "TO ", "INFO ", "LOG-", "ACTION ", "THIS RECORD IS A PARTIAL EXTRACT", "---", "-", " ",
                      "fm", "to", "info", "i", "T", "Z", "D", "E", "R", "x"]
        for s in randomTexts(pieces, seed: 0x4EAD, count: 6_000, maxPieces: 5) where !s.isEmpty {
            expectAgreement(s)
            expectNoPrefixKind(s)
        }
    }
}
