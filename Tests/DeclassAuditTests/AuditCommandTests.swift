import DeclassKit
import Foundation
import Testing

/// `declass audit verify|show|prove`, run as a process: output and exit statuses (0 ok, 1 failed, 2 usage).
@Suite struct AuditCommandTests {
    @Test func verifyIntactLogExitsZero() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let r = try AuditFixtures.run(["audit", "verify", log])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("\(log): 6 entries, chain intact, MACs not checked: the log has none (it was written without a key)\nhead: sha256:"))
    }

    @Test func verifyBrokenLogExitsOneNamingTheLine() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.remove(at: 2)
        try f.rewrite(log, lines)
        let r = try AuditFixtures.run(["audit", "verify", log])
        #expect(r.status == 1)
        #expect(r.err == "declass: \(log):3: removed: entry 3 is missing (seq goes from 2 to 4)\n")
    }

    @Test func verifyWithKeyFromTheEnvironmentChecksMACs() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let r = try AuditFixtures.run(["audit", "verify", log], environment: ["DECLASS_AUDIT_KEY": "correct horse battery staple"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("\(log): 6 entries, chain intact, MACs verified\n"))
    }

    @Test func verifyMissingLogExitsOne() throws {
        let f = try AuditFixtures()
        let r = try AuditFixtures.run(["audit", "verify", f.path("none.jsonl")])
        #expect(r.status == 1)
    }

    @Test func verifyWithEmptyKeyFileExitsTwo() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let r = try AuditFixtures.run(["audit", "verify", log, "--key", try f.write("key", "")])
        #expect(r.status == 2)
    }

    @Test func proveMatchExitsZeroAndNoMatchExitsOne() throws {
        let f = try AuditFixtures()
        let keyFile = try f.write("key", "correct horse battery staple\n")
        let log = try f.log(key: AuditFixtures.key)
        let yes = try AuditFixtures.run(["audit", "prove", log, "--entry", "2", "--text", try f.write("yes", "Zhigalov\n"), "--key", keyFile])
        #expect(yes.status == 0)
        #expect(yes.out == "entry 2 (09ASTANA435 ¶6, B6): the text matches\n")
        let no = try AuditFixtures.run(["audit", "prove", log, "--entry", "2", "--text", try f.write("no", "Zhigalova\n"), "--key", keyFile])
        #expect(no.status == 1)
        #expect(no.out == "entry 2 (09ASTANA435 ¶6, B6): the text does not match\n")
    }

    @Test func proveUsageErrorsExitTwo() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let text = try f.write("t", "Zhigalov")
        #expect(try AuditFixtures.run(["audit", "prove", log, "--entry", "0", "--text", text]).status == 2)
        #expect(try AuditFixtures.run(["audit", "prove", log, "--entry", "99", "--text", text, "--key", try f.write("k", "correct horse battery staple")]).status == 2)
        #expect(try AuditFixtures.run(["audit", "prove", log, "--entry", "3", "--text", text, "--key", try f.write("k2", "correct horse battery staple")]).status == 2)
        let noKey = try AuditFixtures.run(["audit", "prove", log, "--entry", "2", "--text", text])
        #expect(noKey.status == 2)
        #expect(noKey.err == "declass: \(log):2: entry 2's digest is keyed (hmac-sha256): give the log's key with --key FILE or DECLASS_AUDIT_KEY\n")
    }

    @Test func showPrintsTablesAndJSON() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let text = try AuditFixtures.run(["audit", "show", log])
        #expect(text.status == 0)
        #expect(text.out.hasPrefix("6 entries: 2 withheld units, 2 redacted spans, "))
        let json = try AuditFixtures.run(["audit", "show", log, "--format", "json"])
        #expect(json.status == 0)
        #expect(try JSONDecoder().decode(AuditSummary.self, from: Data(json.out.utf8)).documents == ["release-in-part": 2])
    }
}
