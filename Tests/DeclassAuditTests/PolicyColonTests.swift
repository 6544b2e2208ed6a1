@testable import DeclassKit
import Testing

/// `AuditPolicy.hasColon` (which decides whether a policy digest gets the `sha256:` prefix) searches the
/// digest's bytes in place before asking `String.contains`: it must answer as `contains(":")` does.
@Suite struct PolicyColonTests {
    @Test(arguments: [
        "", ":", "sha256:abcd", String(repeating: "ab", count: 32), "other:x", ":\u{301}", "a:\u{301}b", "a\u{301}:b", "：", "x:",
    ])
    func hasColonAgreesWithContains(digest: String) {
        #expect(AuditPolicy.hasColon(digest) == digest.contains(":"), "\(digest.debugDescription)")
    }

    @Test func hasColonAgreesWithContainsOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "0", "f", ":", "\u{301}", "é", "：", " ", "sha256", "\u{200D}", "🇺🇸"]
        var colons = 0
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(AuditPolicy.hasColon(s) == s.contains(":"), "\(s.debugDescription)")
            if s.contains(":") { colons += 1 }
        }
        #expect(colons > 100)
    }
}
