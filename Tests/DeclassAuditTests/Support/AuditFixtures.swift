import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// Logs, keys and records for the audit tests: a fresh temporary folder per test, fixed times, and the
/// withheld texts of a small release of 09ASTANA435.
struct AuditFixtures {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("declass-audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A path in the test's folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to a file in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    /// The time every test entry carries: 2027-01-15T08:00:00Z.
    static let time = Date(timeIntervalSince1970: 1_800_000_000)

    static let key = try! AuditKey(bytes: Array("correct horse battery staple".utf8))
    static let otherKey = try! AuditKey(bytes: Array("another secret".utf8))

    static let paragraph4 = """
        Deputy Foreign Minister Zhigalov told the Ambassador that Kazakhstan
        would not  support the proposal.
        """
    static let name6 = "Zhigalov"

    static let context = AuditContext(
        cable: "09ASTANA435", file: "Samples/09ASTANA435.txt",
        policy: AuditPolicy(name: "foia-release", version: "1", digest: String(repeating: "ab", count: 32)),
        asOf: CivilDate(iso: "2026-11-24")!, caseID: "F-2026-01234", docNo: "C06712345")

    /// A release of 09ASTANA435: ¶4 withheld (B1), a name in ¶6 redacted (B6), the document released in part.
    static func record(cable: String = "09ASTANA435", file: String = "Samples/09ASTANA435.txt") -> AuditRecord {
        var context = context
        context.cable = cable
        context.file = file
        return AuditRecord(
            context: context,
            withheld: [
                AuditWithheld(kind: .unit, unit: "¶4", line: 31, action: .withhold, rule: "classified-not-declassified",
                              rules: ["classified-not-declassified"], exemption: Exemption("B1"), authority: "1.4(B), 1.4(D)",
                              text: paragraph4),
                AuditWithheld(kind: .span, unit: "¶6", line: 44, action: .redact, rule: "personal-details",
                              rules: ["personal-details"], exemption: Exemption("B6"), authority: nil, text: name6),
            ],
            document: AuditDocument(disposition: .releaseInPart, stamp: "RELEASE IN PART B1, 1.4(B), 1.4(D), B6",
                                    output: "out/09ASTANA435.txt", bytes: Array("the release\n".utf8)))
    }

    /// Appends `records` to a new log (`audit.jsonl`) and returns its path.
    func log(_ records: [AuditRecord] = [AuditFixtures.record(), AuditFixtures.record()], key: AuditKey? = nil) throws -> String {
        let p = path("audit.jsonl")
        try AuditLog.append(records: records, to: p, key: key, time: AuditFixtures.time)
        return p
    }

    /// The log's lines (without newlines).
    func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Replaces the log's lines (each written with a newline).
    func rewrite(_ path: String, _ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Runs `declass` with `arguments`; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try DeclassProcess.run(arguments, environment: environment)
    }
}
