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
        let folders = try SweepFiles.resetStaging(root + "/.staging", workers: 2, unnamed: false)
        let staged = try folders[1].stage(Array("release\n".utf8), index: 42)
        #expect(staged.path == root + "/.staging/1/42.part")
        #expect(contents(staged.path) == Array("release\n".utf8))
        let target = SweepTarget(outDir: root, relative: "2009/03/a.txt")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try SweepPlacer().place(staged, at: target)
        #expect(contents(root + "/2009/03/a.txt") == Array("release\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: staged.path))
    }

    @Test(arguments: [false, true]) func placerMovesBetweenFoldersAndReplacesAnEarlierOutput(unnamed: Bool) throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1, unnamed: unnamed)[0]
        #expect((staging.unnamed != nil) == unnamed)
        try FileManager.default.createDirectory(atPath: root + "/b", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/b/2.txt", contents: Data("old".utf8)))
        let placer = SweepPlacer()
        for (i, relative) in ["a/1.txt", "b/2.txt", "a/3.txt", "4.txt"].enumerated() {
            try placer.place(try staging.stage(Array(relative.utf8), index: i), at: SweepTarget(outDir: root, relative: relative))
        }
        for relative in ["a/1.txt", "b/2.txt", "a/3.txt", "4.txt"] { #expect(contents(root + "/" + relative) == Array(relative.utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
        #expect(staging.unnamed?.openCount ?? 0 == 0)
    }

    @Test func discardedStagedOutputIsGone() throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1, unnamed: false)[0]
        let staged = try staging.stage([1, 2, 3], index: 0)
        staged.discard()
        #expect(!FileManager.default.fileExists(atPath: staged.path))
    }

    @Test(arguments: [false, true]) func placingUnderAFileFailsNamingTheFolder(unnamed: Bool) throws {
        let root = try folder()
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1, unnamed: unnamed)[0]
        #expect(FileManager.default.createFile(atPath: root + "/a", contents: Data()))
        let target = SweepTarget(outDir: root, relative: "a/1.txt")
        let staged = try staging.stage([1], index: 0)
        #expect(throws: SweepError.cannotWrite(path: root + "/a", reason: "Not a directory")) { try SweepPlacer().place(staged, at: target) }
        #expect(staging.unnamed?.openCount ?? 0 == 0)  // used up, placed or not
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
    }

    /// Unnamed staging in a fresh folder: this file system and kernel have it (ext4, tmpfs, xfs, btrfs).
    func unnamedStaging(_ root: String, budget: Int? = nil) throws -> SweepStaging {
        let staging = try SweepFiles.resetStaging(root + "/.staging", workers: 1)[0]
        let files = try #require(staging.unnamed, "this file system has no unnamed files")
        guard let budget else { return staging }
        return try SweepStaging(path: staging.path, unnamed: SweepUnnamedFiles(mode: files.mode, budget: budget))
    }

    @Test func unnamedStagedOutputHasNoNameUntilPlaced() throws {
        let root = try folder()
        let staging = try unnamedStaging(root)
        let staged = try staging.stage(Array("release\n".utf8), index: 42)
        #expect(staged.isUnnamed)
        #expect(staging.unnamed?.openCount == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
        let target = SweepTarget(outDir: root, relative: "2009/03/a.txt")
        try SweepPlacer().place(staged, at: target)
        #expect(contents(target.path) == Array("release\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
        #expect(staging.unnamed?.openCount == 0)
    }

    @Test func discardedUnnamedOutputGivesBackItsDescriptor() throws {
        let root = try folder()
        let staging = try unnamedStaging(root)
        let staged = try staging.stage([1, 2, 3], index: 0)
        #expect(staging.unnamed?.openCount == 1)
        staged.discard()
        #expect(staging.unnamed?.openCount == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
    }

    @Test func outputsBeyondTheDescriptorBudgetAreStagedByName() throws {
        let root = try folder()
        let staging = try unnamedStaging(root, budget: 1)
        let first = try staging.stage(Array("one".utf8), index: 0)
        let second = try staging.stage(Array("two".utf8), index: 1)
        #expect(first.isUnnamed)
        #expect(!second.isUnnamed)
        #expect(contents(second.path) == Array("two".utf8))
        let placer = SweepPlacer()
        try placer.place(first, at: SweepTarget(outDir: root, relative: "a/1.txt"))
        try placer.place(second, at: SweepTarget(outDir: root, relative: "a/2.txt"))
        #expect(contents(root + "/a/1.txt") == Array("one".utf8))
        #expect(contents(root + "/a/2.txt") == Array("two".utf8))
        let third = try staging.stage(Array("three".utf8), index: 2)
        #expect(third.isUnnamed)  // the first one's descriptor is back
        third.discard()
    }

    @Test func noUnnamedFilesWithoutADescriptorBudget() throws {
        let root = try folder()
        let fd = open(root, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        #expect(SweepUnnamedFiles.probe(fd, budget: 0) == nil)
        #expect(SweepUnnamedFiles.probe(fd, budget: 8) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)  // the probe leaves nothing
    }
}
