import DeclassKit
import Foundation
import Testing

/// The key comes from a file (one trailing newline trimmed) or DECLASS_AUDIT_KEY; empty keys are refused.
@Suite struct AuditKeyTests {
    @Test func keyFileLosesOneTrailingNewline() throws {
        let f = try AuditFixtures()
        let path = try f.write("key", "secret\n\n")
        #expect(try AuditKey.resolve(path: path, environment: [:])?.bytes == Array("secret\n".utf8))
    }

    @Test func keyFileWinsOverTheEnvironment() throws {
        let f = try AuditFixtures()
        let path = try f.write("key", "from-file")
        #expect(try AuditKey.resolve(path: path, environment: ["DECLASS_AUDIT_KEY": "from-env"])?.bytes == Array("from-file".utf8))
    }

    @Test func environmentKeyIsItsUTF8Value() throws {
        #expect(try AuditKey.resolve(path: nil, environment: ["DECLASS_AUDIT_KEY": "clé"])?.bytes == Array("clé".utf8))
    }

    @Test func noKeyIsNil() throws {
        #expect(try AuditKey.resolve(path: nil, environment: [:]) == nil)
    }

    @Test func emptyKeyFileIsRefused() throws {
        let f = try AuditFixtures()
        let path = try f.write("key", "\n")
        #expect(throws: AuditKeyError.emptyFile(path: path)) { try AuditKey.resolve(path: path, environment: [:]) }
    }

    @Test func emptyEnvironmentKeyIsRefused() {
        #expect(throws: AuditKeyError.emptyEnvironment(variable: "DECLASS_AUDIT_KEY")) {
            try AuditKey.resolve(path: nil, environment: ["DECLASS_AUDIT_KEY": ""])
        }
    }

    @Test func missingKeyFileIsRefused() throws {
        let f = try AuditFixtures()
        #expect(throws: AuditKeyError.notFound(path: f.path("nokey"))) { try AuditKey.resolve(path: f.path("nokey"), environment: [:]) }
    }

    @Test func keyNeverPrintsItself() {
        #expect("\(AuditFixtures.key)" == "AuditKey(28 bytes)")
    }

    @Test func missingKeyWarningIsWordedForTheUser() {
        #expect(AuditKey.missingKeyWarning == "audit: no key (--audit-key or DECLASS_AUDIT_KEY): digests are plain SHA-256, and short withheld texts can be guessed from them")
    }
}
