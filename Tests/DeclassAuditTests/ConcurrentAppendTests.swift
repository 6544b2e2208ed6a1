import DeclassKit
import Foundation
import Testing

/// Appends from many writers at once (threads with their own descriptors, and separate processes) give
/// one log whose chain verifies, each append's lines together and none torn.
@Suite struct ConcurrentAppendTests {
    /// Each writer's record names it in `file`, so that its lines can be found again.
    static func record(writer: Int, append: Int) -> AuditRecord {
        var r = AuditFixtures.record(file: "writer-\(writer)/append-\(append).txt")
        r.withheld.removeLast()
        return r
    }

    /// Checks the log: intact, `count` entries, and each append's unit entry followed by its document.
    static func expectWhole(_ log: String, entries count: Int) throws {
        let result = try AuditVerifier.verify(path: log, key: nil)
        #expect(result.isIntact, "\(result)")
        #expect(result.entries == count)
        let data = try Data(contentsOf: URL(fileURLWithPath: log))
        let entries = try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(AuditEntry.self, from: Data($0)) }
        #expect(entries.count == count)
        for pair in stride(from: 0, to: entries.count, by: 2) {
            #expect(entries[pair].kind == .unit && entries[pair + 1].kind == .document && entries[pair].file == entries[pair + 1].file,
                    "lines \(pair + 1) and \(pair + 2) are not one append's lines")
        }
    }

    @Test func twentyThreadsAppendingFiftyTimesEachGiveAnIntactLog() throws {
        let f = try AuditFixtures()
        let log = f.path("threads.jsonl")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { writer in
            for append in 0..<50 {
                do {
                    try AuditLog.append(records: [ConcurrentAppendTests.record(writer: writer, append: append)], to: log, key: nil)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        try ConcurrentAppendTests.expectWhole(log, entries: 20 * 50 * 2)
    }

    /// The log the child processes of `fourProcessesAppendingAtOnceGiveAnIntactLog` share.
    static func processLog(parent: Int32) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("declass-audit-processes-\(parent).jsonl").path
    }

    /// A child process's body: 50 appends of one unit and one document.
    static func appendFromChild(_ writer: Int) -> Never {
        let log = processLog(parent: getppid())
        for append in 0..<50 {
            do { try AuditLog.append(records: [record(writer: writer, append: append)], to: log, key: nil) } catch { exit(1) }
        }
        exit(0)
    }

    @Test func fourProcessesAppendingAtOnceGiveAnIntactLog() async throws {
        let log = ConcurrentAppendTests.processLog(parent: getpid())
        try? FileManager.default.removeItem(atPath: log)
        defer { try? FileManager.default.removeItem(atPath: log) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await #expect(processExitsWith: .success) { ConcurrentAppendTests.appendFromChild(0) } }
            group.addTask { await #expect(processExitsWith: .success) { ConcurrentAppendTests.appendFromChild(1) } }
            group.addTask { await #expect(processExitsWith: .success) { ConcurrentAppendTests.appendFromChild(2) } }
            group.addTask { await #expect(processExitsWith: .success) { ConcurrentAppendTests.appendFromChild(3) } }
        }
        try ConcurrentAppendTests.expectWhole(log, entries: 4 * 50 * 2)
    }
}

import Synchronization
