@testable import DeclassKit
import Foundation
import Testing

/// Staged outputs: each worker's folder of its own, created relative to the open folder, and placed by
/// `SweepPlacer` at the path the output would have had written out in full (folders made when missing).
@Suite struct SweepStagingTests {
    /// A fresh temporary folder.
    func folder() throws -> String { try freshFolder("declass-staging-tests") }

    func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test func targetSplitsTheRelativePathAtItsLastSlash() {
        let nested = SweepTarget(outDir: "/out", relative: "2009/03/09ASTANA435.txt")
        #expect(nested.folder == "/out/2009/03")
        #expect(nested.name == "09ASTANA435.txt")
        #expect(nested.path == "/out/" + "2009/03/09ASTANA435.txt")
        let flat = SweepTarget(outDir: "out", relative: "a.txt")
        #expect(flat.folder == "out")
        #expect(flat.path == "out/a.txt")
        let unicode = SweepTarget(outDir: "/o", relative: "Zürich/東京 b.txt")
        #expect(unicode.folder == "/o/Zürich")
        #expect(unicode.name == "東京 b.txt")
    }

    @Test func eachWorkerGetsAnEmptyStagingFolderOfItsOwn() throws {
        let root = try folder()
        try FileManager.default.createDirectory(atPath: root + "/staging/0", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/staging/0/7.part", contents: Data("left by a killed run".utf8)))
        let folders = try SweepFiles.resetStaging(root + "/staging", workers: 2)
        #expect(folders.map(\.path) == [root + "/staging/0", root + "/staging/1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/staging/0").isEmpty)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root + "/staging")) == ["0", "1"])
    }

    @Test func stagedOutputIsInTheWorkersFolderUntilPlaced() throws {
        let root = try folder()
        let folders = try SweepFiles.resetStaging(root + "/.staging", workers: 2)
        let staged = try folders[1].stage(Array("release\n".utf8), index: 42)
        #expect(staged.path == root + "/.staging/1/42.part")
        #expect(contents(staged.path) == Array("release\n".utf8))
        let target = SweepTarget(outDir: root, relative: "2009/03/a.txt")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try SweepPlacer().place(staged, at: target)
        #expect(contents(root + "/2009/03/a.txt") == Array("release\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: staged.path))
    }

    @Test func placerMovesBetweenFoldersAndReplacesAnEarlierOutput() throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1)[0]
        try FileManager.default.createDirectory(atPath: root + "/b", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/b/2.txt", contents: Data("old".utf8)))
        let placer = SweepPlacer()
        for (i, relative) in ["a/1.txt", "b/2.txt", "a/3.txt", "4.txt"].enumerated() {
            try placer.place(try staging.stage(Array(relative.utf8), index: i), at: SweepTarget(outDir: root, relative: relative))
        }
        placer.syncHeld()
        for relative in ["a/1.txt", "b/2.txt", "a/3.txt", "4.txt"] { #expect(contents(root + "/" + relative) == Array(relative.utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
    }

    @Test func discardedStagedOutputIsGone() throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1)[0]
        let staged = try staging.stage([1, 2, 3], index: 0)
        staged.discard()
        #expect(!FileManager.default.fileExists(atPath: staged.path))
    }

    @Test func placingUnderAFileFailsNamingTheFolder() throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1)[0]
        #expect(FileManager.default.createFile(atPath: root + "/a", contents: Data()))
        let target = SweepTarget(outDir: root, relative: "a/1.txt")
        let staged = try staging.stage([1], index: 0)
        #expect(throws: SweepError.cannotWrite(path: root + "/a", reason: "Not a directory")) { try SweepPlacer().place(staged, at: target) }
    }
}
