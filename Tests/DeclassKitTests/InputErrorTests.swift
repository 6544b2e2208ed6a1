import Foundation
import Testing
@testable import DeclassKit

/// Bad input gets a `CableError` that names the file (and the line where it applies), never a crash.
@Suite("Input errors")
struct InputErrorTests {
    /// A fresh folder for the files of one test, removed when the test ends.
    final class Scratch {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("declass-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
    }

    /// The error `load` throws, or nil when it does not throw.
    func loadError(_ path: String) -> CableError? {
        do {
            _ = try CableInput.load(path)
            return nil
        } catch {
            return error
        }
    }

    /// The error `parse` throws, or nil when it does not throw.
    func parseError(_ bytes: [UInt8], name: String) -> CableError? {
        do {
            _ = try CableParser.parse(bytes, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFileIsNotFound() throws {
        let scratch = try Scratch()
        let path = scratch.folder.appendingPathComponent("no-such-cable.txt").path
        let error = loadError(path)
        #expect(error == .notFound(path: path))
        #expect(error?.description == "\(path): no such file")
    }

    @Test func directoryIsRefused() throws {
        let scratch = try Scratch()
        let path = scratch.folder.path
        let error = loadError(path)
        #expect(error == .isDirectory(path: path))
        #expect(error?.description == "\(path): is a directory, not a cable file")
    }

    @Test func emptyFileIsEmpty() throws {
        let scratch = try Scratch()
        let path = try scratch.write("empty.txt", [])
        let error = loadError(path)
        #expect(error == .empty(name: path))
        #expect(error?.description == "\(path): empty file: no cable text")
    }

    @Test func whitespaceOnlyFileIsEmpty() throws {
        let scratch = try Scratch()
        let path = try scratch.write("blank.txt", Array(" \n\t\r\n   \n\n".utf8))
        let error = loadError(path)
        #expect(error == .empty(name: path))
        #expect(error?.description == "\(path): empty file: no cable text")
    }

    @Test func nulByteIsBinaryWithItsLineAndOffset() throws {
        let scratch = try Scratch()
        let path = try scratch.write("image.bin", Array("UNCLAS\nSUBJECT: X\nab".utf8) + [0x00, 0x01, 0x02])
        let error = loadError(path)
        #expect(error == .binary(name: path, line: 3, offset: 20))
        #expect(error?.description == "\(path):3: binary data (NUL byte at offset 20): not a cable text file")
    }

    @Test func invalidUTF8IsReportedWithItsLineAndOffset() throws {
        let scratch = try Scratch()
        // Latin-1 `é` (0xE9) where UTF-8 was expected.
        let path = try scratch.write("latin1.txt", Array("UNCLAS MADRID 000001\n\nSUBJECT: caf".utf8) + [0xE9] + Array(" con leche\n".utf8))
        let error = loadError(path)
        #expect(error == .invalidUTF8(name: path, line: 3, offset: 34))
        #expect(error?.description == "\(path):3: invalid UTF-8 at byte offset 34: convert the file to UTF-8")
    }

    @Test func truncatedMultiByteSequenceIsInvalidUTF8() {
        let bytes = Array("UNCLAS\n".utf8) + [0xE2, 0x80]
        #expect(throws: CableError.invalidUTF8(name: "-", line: 2, offset: 7)) {
            try CableParser.parse(bytes, name: "-")
        }
    }

    @Test func overlongEncodingIsInvalidUTF8() {
        let bytes = Array("UNCLAS ".utf8) + [0xC0, 0xAF]
        #expect(throws: CableError.invalidUTF8(name: "-", line: 1, offset: 7)) {
            try CableParser.parse(bytes, name: "-")
        }
    }

    @Test func surrogateEncodingIsInvalidUTF8() {
        let bytes = Array("UNCLAS ".utf8) + [0xED, 0xA0, 0x80]
        #expect(throws: CableError.invalidUTF8(name: "-", line: 1, offset: 7)) {
            try CableParser.parse(bytes, name: "-")
        }
    }

    @Test func textThatIsNotACableIsRefused() throws {
        let scratch = try Scratch()
        let path = try scratch.write("letter.txt", Array("Dear Sir,\n\nThank you for your letter of the 5th.\n\nYours faithfully,\nA. Smith\n".utf8))
        let error = loadError(path)
        #expect(error == .notACable(name: path))
        #expect(error?.description == "\(path):1: not a cable: no classification banner, E.O. line, TAGS or SUBJECT found")
    }

    @Test func sourceCodeIsNotACable() {
        let swift = "import Foundation\n\nfunc main() {\n    print(\"hello\")\n}\n"
        #expect(throws: CableError.notACable(name: "main.swift")) {
            try CableParser.parse(Array(swift.utf8), name: "main.swift")
        }
    }

    @Test func tooLargeInputIsRefusedBeforeItIsScanned() {
        let bytes = [UInt8](repeating: 0x41, count: CableParser.maximumSize + 1)
        let error = parseError(bytes, name: "huge.txt")
        #expect(error == .tooLarge(name: "huge.txt", bytes: CableParser.maximumSize + 1, limit: CableParser.maximumSize))
        #expect(error?.description == "huge.txt: \(CableParser.maximumSize + 1) bytes is larger than the \(CableParser.maximumSize)-byte limit for one cable")
    }

    @Test func aRealCableLoadsFromItsPath() throws {
        let cable = try CableInput.load(Fixtures.url("seeds/09ASTANA435.txt").path)
        #expect(cable.name.hasSuffix("seeds/09ASTANA435.txt"))
        #expect(cable.id == "09ASTANA435")
    }
}
