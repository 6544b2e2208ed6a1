import DeclassKit
import Foundation
import Testing

/// How a sweep finds its cables: one folder at a time, in byte order of the paths under each input, with
/// clashing outputs and clashing input names refused before anything is written.
@Suite struct SweepWalkTests {
    @Test func walkGivesTheByteOrderOfThePathsWithFoldersSortedAsTheirNameAndSlash() throws {
        let f = try SweepFolder()
        for name in ["in/a.txt", "in/a/b.txt", "in/A.TXT", "in/B/c.txt", "in/a-b.txt", "in/a/a/z.txt", "in/notes.md", "in/.hidden.txt"] {
            try f.write(name, Array("x".utf8))
        }
        let walked = Array(try SweepInputs.walk([f.path("in")])).map(\.relative)
        #expect(walked == ["A.TXT", "B/c.txt", "a-b.txt", "a.txt", "a/a/z.txt", "a/b.txt"])
        #expect(walked == walked.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(try SweepInputs.find([f.path("in")]).map(\.path) == walked.map { f.path("in/" + $0) })
    }

    @Test func surveyCountsTheCablesWithoutTheOutputsClashing() throws {
        let f = try SweepFolder()
        for name in ["in/a.txt", "in/a/b.txt", "in/B/c.txt", "in/B/d.TXT"] { try f.write(name, Array("x".utf8)) }
        #expect(try SweepInputs.survey([f.path("in")], output: { $0 }) == 4)
    }

    @Test func surveyRefusesTwoFilesOfOneFolderWithOneOutputThoughTheWalkMeetsThemApart() throws {
        let f = try SweepFolder()
        // The walk meets `a.TXT`, then the folder `a.U`, then `a.txt`; as XML both files become `x/a.xml`.
        for name in ["in/x/a.TXT", "in/x/a.U/c.txt", "in/x/a.txt"] { try f.write(name, Array("x".utf8)) }
        #expect(Array(try SweepInputs.walk([f.path("in")])).map(\.relative) == ["x/a.TXT", "x/a.U/c.txt", "x/a.txt"])
        #expect(throws: SweepError.sameOutput(path: "x/a.xml", first: f.path("in/x/a.TXT"), second: f.path("in/x/a.txt"))) {
            try SweepInputs.survey([f.path("in")], output: { ($0 as NSString).deletingPathExtension + ".xml" })
        }
    }

    @Test func twoInputFoldersOfOneNameAreRefused() throws {
        let f = try SweepFolder()
        try f.write("one/cables/a.txt", Array("x".utf8))
        try f.write("two/cables/b.txt", Array("x".utf8))
        #expect(throws: SweepError.sameOutput(path: "cables", first: f.path("one/cables"), second: f.path("two/cables"))) {
            try SweepInputs.walk([f.path("one/cables"), f.path("two/cables")])
        }
    }

    @Test func severalInputsGoUnderFoldersNamedLikeThemInTheOrderGiven() throws {
        let f = try SweepFolder()
        try f.write("z/a.txt", Array("x".utf8))
        try f.write("y/b.txt", Array("x".utf8))
        let walked = Array(try SweepInputs.walk([f.path("z"), f.path("y")])).map(\.relative)
        #expect(walked == ["z/a.txt", "y/b.txt"])
    }
}
