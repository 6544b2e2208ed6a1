import DeclassKit
import Foundation
import Testing

/// `--format json`: the shapes other tools read (keys sorted; optional fields left out when empty).
@Suite struct JSONShapeTests {
    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func releaseDiffTopLevelKeys() throws {
        let o = try Self.object(try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13").json())
        #expect(o.keys.sorted() == ["asOf", "cable", "counts", "declassified", "disposition", "eligibility", "file", "overlaps", "policy",
                                    "policyDigest", "policyVersion", "showOriginal", "stamp", "units", "warnings"])
        #expect(o["asOf"] as? String == "2029-03-13")
        #expect(o["showOriginal"] as? Bool == false)
        #expect((o["counts"] as? [String: Any])?["B6"] as? [String: Int] == ["withheld": 0, "redacted": 2])
    }

    @Test func releaseDiffUnitShape() throws {
        let o = try Self.object(try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13").json())
        let units = try #require(o["units"] as? [[String: Any]])
        let u = try #require(units.first { $0["label"] as? String == "¶12" })
        #expect(u.keys.sorted() == ["action", "changed", "exemption", "kind", "label", "line", "mark", "original", "parts", "reason", "release",
                                    "releaseLine", "rule", "unit"])
        let parts = try #require(u["parts"] as? [[String: Any]])
        #expect(parts[0].keys.sorted() == ["action", "exemption", "line", "propagated", "reason", "rule", "words"])
        let release = try #require(u["release"] as? [[String: Any]])
        #expect(release.compactMap { $0["kind"] as? String } == ["text", "marker", "text", "marker", "text"])
        #expect(release[1]["part"] as? Int == 0)
        let original = try #require(u["original"] as? [[String: Any]])
        #expect(original.compactMap { $0["kind"] as? String } == ["text", "hidden", "text", "hidden", "text"])
    }

    @Test func decisionDiffShape() throws {
        let c = try Fixture.changes(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24", "foia-release", "2029-03-13")
        let o = try Self.object(c.json())
        #expect(o.keys.sorted() == ["after", "before", "cable", "changes", "file"])
        #expect((o["before"] as? [String: Any])?.keys.sorted() == ["asOf", "declassified", "digest", "policy", "stamp", "version"])
        let first = try #require((o["changes"] as? [[String: Any]])?.first { $0["label"] as? String == "¶4" })
        #expect(first.keys.sorted() == ["after", "before", "direction", "label", "line", "unit", "why"])
        #expect(first["direction"] as? String == "newly-released")
        #expect(first["why"] as? String == "DECL passed on 2029-03-12")
        #expect((first["before"] as? [String: Any])?.keys.sorted() == ["action", "authority", "exemption", "rule", "spanExemptions", "spans"])
    }

    @Test func summaryShape() throws {
        let diffs = try ["09ASTANA435", "09ASTANA1000"].map {
            try Fixture.changes(try Fixture.seed($0), "foia-release", "2026-11-24", "release-all", "2026-11-24")
        }
        let o = try Self.object(DiffSummary(diffs).json())
        #expect(o.keys.sorted() == ["cables", "cablesChanged", "compared", "rows"])
        let row = try #require((o["rows"] as? [[String: Any]])?.first)
        #expect(row.keys.sorted() == ["cables", "changed", "newlyReleased", "newlyWithheld", "rule"])
        #expect((o["cables"] as? [Any])?.count == 2)
    }
}
