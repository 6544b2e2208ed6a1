import DeclassMatch
import Testing

/// `PatternSpec.neverMatchesLineBreak`: what the engine relies on to scan a part-restricted pattern over
/// its units alone.
@Suite struct LineBreakTests {
    @Test func lettersClassesAndWordBoundariesNeverMatchALineBreak() {
        #expect(PatternSpec(expression: #"\bR[A-Z]{3,6}/"#, multiline: true).neverMatchesLineBreak)
    }

    @Test func escapedPunctuationAndNonCapturingGroupsNeverMatchALineBreak() {
        #expect(PatternSpec(expression: #"(?:\d{1,3}\.\d)\-year"#, multiline: true).neverMatchesLineBreak)
    }

    @Test func whiteSpaceEscapesMayMatchALineBreak() {
        #expect(!PatternSpec(expression: #"married\sto"#, multiline: true).neverMatchesLineBreak)
    }

    @Test func hexEscapesAreNotReadAndAnswerFalse() {
        #expect(!PatternSpec(expression: #"\bR\x41/"#, multiline: true).neverMatchesLineBreak)
    }

    @Test func negatedAndPOSIXClassesMayMatchALineBreak() {
        #expect(!PatternSpec(expression: "a[^b]c", multiline: true).neverMatchesLineBreak)
        #expect(!PatternSpec(expression: "a[[:space:]]c", multiline: true).neverMatchesLineBreak)
    }

    @Test func inlineOptionsAnswerFalse() {
        #expect(!PatternSpec(expression: "(?s)a.b", multiline: true).neverMatchesLineBreak)
    }

    @Test func anchorsOutsideMultilineModeAnswerFalse() {
        #expect(!PatternSpec(expression: "^TO ").neverMatchesLineBreak)
        #expect(PatternSpec(expression: "^TO ", multiline: true).neverMatchesLineBreak)
    }

    @Test func aLiteralNeverMatchesALineBreakUnlessItHoldsOne() {
        #expect(PatternSpec(expression: "a\\s b", literal: true).neverMatchesLineBreak)
        #expect(!PatternSpec(expression: "a\nb", literal: true).neverMatchesLineBreak)
    }
}
