@testable import DeclassKit
import Foundation
import Testing

/// The exact bytes a log holds for fixed records, key, time and tool: any change to how entries are
/// serialized, digested, chained or MACed shows here (the other tests compare the writer with itself).
@Suite struct PinnedLineTests {
    /// The fixture records with the tool named `declass 0.1.0`, so that a version bump leaves the pins alone.
    static func records() -> [AuditRecord] {
        [AuditFixtures.record(), AppendLineTests.awkwardRecord()].map { r in
            var r = r
            r.context.tool = "declass 0.1.0"
            return r
        }
    }

    /// Written with `AuditFixtures.key`; recomputed independently (Python's `json`, `hmac`, `hashlib`).
    static let keyedLines: [String] = [
        #"{"action":"withhold","asOf":"2026-11-24","authority":"1.4(B), 1.4(D)","cable":"09ASTANA435","case":"F-2026-01234","digest":"hmac-sha256:dee17885c224a15d4548f78e4161a6b0aaa35506a8f0c359a52f423685b20c77","docNo":"C06712345","exemption":"B1","file":"Samples/09ASTANA435.txt","kind":"unit","length":101,"line":31,"mac":"hmac-sha256:b9b0b187854831fa28d4ec516852059977a489965005cceb9ca8548195fc8e62","output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:0000000000000000000000000000000000000000000000000000000000000000","rule":"classified-not-declassified","rules":["classified-not-declassified"],"seq":1,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶4"}"#,
        #"{"action":"redact","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":"F-2026-01234","digest":"hmac-sha256:a148d78433dab68988296b64147382739a7b694c0f2e0a53f3d5e4f1288f5d02","docNo":"C06712345","exemption":"B6","file":"Samples/09ASTANA435.txt","kind":"span","length":8,"line":44,"mac":"hmac-sha256:d216d79a7576e0fe669d120987b71345c6dc678c5a5fcd53ae9855f183626651","output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:baf50a6bfac9e50a47aed30895b64355e25a240a09f97f6515dc7e4c26c98fa8","rule":"personal-details","rules":["personal-details"],"seq":2,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶6"}"#,
        #"{"action":"release-in-part","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":"F-2026-01234","digest":"sha256:f406618d666ff07cf9d4495e096098b9c095ee1f15420609a1da227d69b10958","docNo":"C06712345","exemption":null,"file":"Samples/09ASTANA435.txt","kind":"document","length":null,"line":null,"mac":"hmac-sha256:078cdb63f30b61a1f00c28fa05d3a88fa7cb2a3902d0b117d21751e2a1503e1e","output":"out/09ASTANA435.txt","policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:c07187538f3d203368775fb655a93c0f53930f3b5db9c6256291a35d2bea0859","rule":null,"rules":[],"seq":3,"stamp":"RELEASE IN PART B1, 1.4(B), 1.4(D), B6","time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":null}"#,
        #"{"action":"withhold","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":null,"digest":"hmac-sha256:3cd5073498cc372cd163aaf364ab5128f006746497ec5f9e372599f72036ac89","docNo":"C06712345","exemption":"B1","file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"unit","length":38,"line":31,"mac":"hmac-sha256:34cc56b83f48903b43490e3e82d217d4996d546c7223b915ae2ca0503f6e66b0","output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:db9c20b5479ace4d3bbc3ffc34df0d9f98210ad9157d36cfcc7bd70c1c24db8b","rule":"a\"b","rules":[],"seq":4,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶4"}"#,
        #"{"action":"redact","asOf":"2026-11-24","authority":"1.4(B)","cable":"09ASTANA435","case":null,"digest":"hmac-sha256:045ff7b578239bc1495b31ba02c93534944a0ebac967143d2db15702d3f6dfb9","docNo":"C06712345","exemption":null,"file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"span","length":18,"line":7,"mac":"hmac-sha256:342c1d85bd484e689d124366c54ac4a074595271a55854e11fd943ff3d6c88cb","output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:758a6e2ace6a24696c14d15e5a5cfb83e9675f6806b412fc174e4cb010e42e7d","rule":"names","rules":["names","b\\c","ümlaut"],"seq":5,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"SUBJECT"}"#,
        #"{"action":"release-in-part","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":null,"digest":"sha256:f406618d666ff07cf9d4495e096098b9c095ee1f15420609a1da227d69b10958","docNo":"C06712345","exemption":null,"file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"document","length":null,"line":null,"mac":"hmac-sha256:92affb89b7c12d578016901218cd8b7a9b1e7ae94a402f2c7f7934997c8bccd6","output":"out/Zürich \"1\".txt","policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:dd9bd3e244f35312c8e75effad4ba8b1b013c3656d7823aa79ae85f0581e1d32","rule":null,"rules":[],"seq":6,"stamp":"RELEASE IN PART B1, B6","time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":null}"#,
    ]

    /// Written without a key.
    static let unkeyedLines: [String] = [
        #"{"action":"withhold","asOf":"2026-11-24","authority":"1.4(B), 1.4(D)","cable":"09ASTANA435","case":"F-2026-01234","digest":"sha256:55bab10ba4d0ed5fd006ffee08fd4dd6a08d15da06ca064f2a9973082e4d336d","docNo":"C06712345","exemption":"B1","file":"Samples/09ASTANA435.txt","kind":"unit","length":101,"line":31,"output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:0000000000000000000000000000000000000000000000000000000000000000","rule":"classified-not-declassified","rules":["classified-not-declassified"],"seq":1,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶4"}"#,
        #"{"action":"redact","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":"F-2026-01234","digest":"sha256:1fec7e7cbedbf0d2f19c9942b3e54060f3420008f930cac071590fa3f95f6dd7","docNo":"C06712345","exemption":"B6","file":"Samples/09ASTANA435.txt","kind":"span","length":8,"line":44,"output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:6a457a2ddf8ea9ac97316a2dded75ea5a2be894390ab9de0ce13a848bc00901d","rule":"personal-details","rules":["personal-details"],"seq":2,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶6"}"#,
        #"{"action":"release-in-part","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":"F-2026-01234","digest":"sha256:f406618d666ff07cf9d4495e096098b9c095ee1f15420609a1da227d69b10958","docNo":"C06712345","exemption":null,"file":"Samples/09ASTANA435.txt","kind":"document","length":null,"line":null,"output":"out/09ASTANA435.txt","policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:7e883d84e25157be410b59d85088059fc711766145d72ccc7938262e4c9c01ee","rule":null,"rules":[],"seq":3,"stamp":"RELEASE IN PART B1, 1.4(B), 1.4(D), B6","time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":null}"#,
        #"{"action":"withhold","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":null,"digest":"sha256:318906dcb9cc5d073a92bae1933d9d7ad803b24596a4b6aea00b359660da36f0","docNo":"C06712345","exemption":"B1","file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"unit","length":38,"line":31,"output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:23875efed4753d9f240657589c80594c2c21e779ccbdc0e559c2218b52daa72f","rule":"a\"b","rules":[],"seq":4,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"¶4"}"#,
        #"{"action":"redact","asOf":"2026-11-24","authority":"1.4(B)","cable":"09ASTANA435","case":null,"digest":"sha256:5edcab7e98eb85de85a4d619017d2321c09b3d92ce553fb2f874f5545ad6e281","docNo":"C06712345","exemption":null,"file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"span","length":18,"line":7,"output":null,"policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:c1b8129af78dd7858d5cd1deefbf62349bc97084a807147b751cf4596d3438de","rule":"names","rules":["names","b\\c","ümlaut"],"seq":5,"stamp":null,"time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":"SUBJECT"}"#,
        #"{"action":"release-in-part","asOf":"2026-11-24","authority":null,"cable":"09ASTANA435","case":null,"digest":"sha256:f406618d666ff07cf9d4495e096098b9c095ee1f15420609a1da227d69b10958","docNo":"C06712345","exemption":null,"file":"Samples/quote\"back\\slash\ttab\u0001ctl/Zürich — 東京.txt","kind":"document","length":null,"line":null,"output":"out/Zürich \"1\".txt","policy":{"digest":"sha256:abababababababababababababababababababababababababababababababab","name":"foia-release","version":"1"},"prev":"sha256:f9138291b30b5d0076460b8287d853c5fc717bb011ebd1372a0ec9dc9b910ea9","rule":null,"rules":[],"seq":6,"stamp":"RELEASE IN PART B1, B6","time":"2027-01-15T08:00:00Z","tool":"declass 0.1.0","unit":null}"#,
    ]

    @Test func keyedLogHoldsThePinnedLines() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        try AuditLog.append(records: Self.records(), to: log, key: AuditFixtures.key, time: AuditFixtures.time)
        #expect(try f.lines(log) == Self.keyedLines)
    }

    @Test func keyedLogAppendedAsReleasesAreHoldsThePinnedLines() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        _ = try AuditLog.appendRecords(Self.records(), to: log, key: AuditFixtures.key, time: AuditFixtures.time)
        #expect(try f.lines(log) == Self.keyedLines)
    }

    @Test func unkeyedLogAppendedAsReleasesAreHoldsThePinnedLines() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        _ = try AuditLog.appendRecords(Self.records(), to: log, key: nil, time: AuditFixtures.time)
        #expect(try f.lines(log) == Self.unkeyedLines)
    }

    @Test func unkeyedLogHoldsThePinnedLines() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        try AuditLog.append(records: Self.records(), to: log, key: nil, time: AuditFixtures.time)
        #expect(try f.lines(log) == Self.unkeyedLines)
    }
}
