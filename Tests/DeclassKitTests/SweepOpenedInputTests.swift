@testable import DeclassKit
import Foundation
import Testing

/// Inputs opened ahead of their turn read as `CableInput.read` reads them (bytes and errors alike), and a
/// worker that looks ahead never waits for room in the window with an input in hand.
@Suite struct SweepOpenedInputTests {
    /// A fresh temporary folder.
    func folder() throws -> String { try freshFolder("declass-opened-tests") }

    func error(_ read: () throws(CableError) -> [UInt8]) -> CableError? {
        do { _ = try read(); return nil } catch { return error }
    }

    @Test func openedAheadReadsTheSameBytesAsCableInputForEveryCorpusCable() throws {
        for url in try Fixtures.corpusFiles() {
            let opened = SweepOpenedInput(SweepInput(path: url.path, relative: url.lastPathComponent), index: 3)
            #expect(opened.index == 3)
            #expect(try opened.read() == CableInput.read(url.path), "\(url.lastPathComponent)")
        }
    }

    @Test func emptyFileReadsEmpty() throws {
        let path = try folder() + "/empty.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(try SweepOpenedInput(SweepInput(path: path, relative: "empty.txt"), index: 0).read() == [])
    }

    @Test func missingFileGivesCableInputsError() throws {
        let path = try folder() + "/gone.txt"
        let opened = SweepOpenedInput(SweepInput(path: path, relative: "gone.txt"), index: 0)
        #expect(error { () throws(CableError) in try opened.read() } == .notFound(path: path))
        #expect(error { () throws(CableError) in try CableInput.read(path) } == .notFound(path: path))
    }

    @Test func folderGivesCableInputsError() throws {
        let path = try folder()
        let opened = SweepOpenedInput(SweepInput(path: path, relative: "x"), index: 0)
        #expect(error { () throws(CableError) in try opened.read() } == .isDirectory(path: path))
        #expect(error { () throws(CableError) in try CableInput.read(path) } == .isDirectory(path: path))
    }

    @Test func unlistedFolderIsNotOpened() throws {
        let path = try folder()
        let opened = SweepOpenedInput(SweepInput(path: path, relative: "x", unreadable: "Permission denied"), index: 0)
        #expect(error { () throws(CableError) in try opened.read() } == .unreadable(path: path, reason: "Permission denied"))
    }

    @Test func takeWithoutWaitingGivesNothingWhileTheWindowIsFull() throws {
        let root = try folder()
        for name in ["a.txt", "b.txt", "c.txt"] { #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("x".utf8))) }
        let queue = SweepQueue(try SweepInputs.walk([root]), window: 1, cancellation: SweepCancellation())
        #expect(queue.take()?.0 == 0)
        #expect(queue.take(waiting: false) == nil)  // a blocking take would wait here for the committer
        queue.put(0, SweepResult(entry: SweepEntry(id: nil, input: root + "/a.txt", inputSHA256: "", disposition: .error,
                                                   format: "text", policyDigest: "", asOf: "2026-11-27")))
        #expect(queue.next(0) != nil)
        #expect(queue.take(waiting: false)?.1.relative == "b.txt")
    }
}
