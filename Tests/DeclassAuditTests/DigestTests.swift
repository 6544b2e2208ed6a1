import DeclassKit
import Foundation
import Testing

/// Digests are of the normal form, keyed when there is a key, and the log never holds a withheld text.
@Suite struct DigestTests {
    @Test func normalFormFoldsWhiteSpaceRunsAndTrims() {
        #expect(AuditDigest.normalize("  a\tb \r\n\n c\u{00A0}d  ") == "a b c d")
        #expect(AuditDigest.normalize("") == "")
        #expect(AuditDigest.normalize(" \n ") == "")
    }

    @Test func plainDigestIsSHA256OfTheNormalForm() {
        // SHA-256 of "a b" (UTF-8).
        #expect(AuditDigest.ofWithheld("a\n  b", key: nil) == "sha256:c8687a08aa5d6ed2044328fa6a697ab8e96dc34291e8c2034ae8c38e6fcc6d65")
    }

    @Test func keyedDigestIsHMACSHA256OfTheNormalForm() throws {
        // HMAC-SHA256 with key "key" of "The quick brown fox jumps over the lazy dog" (RFC 4231-style reference value).
        let key = try AuditKey(bytes: Array("key".utf8))
        #expect(AuditDigest.ofWithheld("The quick brown fox\njumps over the lazy dog", key: key)
                == "hmac-sha256:f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    @Test func differentKeysGiveDifferentDigests() {
        let a = AuditDigest.ofWithheld(AuditFixtures.name6, key: AuditFixtures.key)
        let b = AuditDigest.ofWithheld(AuditFixtures.name6, key: AuditFixtures.otherKey)
        #expect(a != b)
        #expect(a != AuditDigest.ofWithheld(AuditFixtures.name6, key: nil))
    }

    @Test func logNeverContainsAWithheldText() throws {
        let f = try AuditFixtures()
        for key in [nil, AuditFixtures.key] {
            let log = try f.log(key: key)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            for withheld in [AuditFixtures.name6, "Zhigalov", "Kazakhstan", "Deputy Foreign Minister", AuditDigest.normalize(AuditFixtures.paragraph4)] {
                #expect(!text.localizedCaseInsensitiveContains(withheld), "the log holds '\(withheld)'")
            }
            try FileManager.default.removeItem(atPath: log)
        }
    }

    @Test func withheldValueNeverPrintsItsText() {
        let w = AuditFixtures.record().withheld[1]
        var dumped = ""
        dump(w, to: &dumped)
        #expect(!dumped.contains("Zhigalov"))
        #expect(!"\(w)".contains("Zhigalov"))
        #expect("\(w)" == "span ¶6 line 44 redact B6 (8 characters)")
    }

    @Test func lengthCountsTheWithheldTextsCharacters() throws {
        let entries = try AuditFixtures.record().entries(key: nil, time: AuditFixtures.time)
        #expect(entries.map(\.length) == [AuditFixtures.paragraph4.count, 8, nil])
    }

    @Test func timeIsISO8601UTCToTheSecond() {
        #expect(AuditEntry.timestamp(Date(timeIntervalSince1970: 1_800_000_000.9)) == "2027-01-15T08:00:00Z")
    }
}
