import DeclassKit
import Foundation
import Testing

/// The fixtures this target reads, all copied into `Fixtures/`: the two seed cables (`seeds/`), the shipped
/// policies (`policies/`), the 61 corpus cables (`corpus/`) and the golden release texts (`golden/`).
enum Fixture {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    /// The `Fixtures/` folder in the source tree (where `DECLASS_UPDATE_GOLDEN=1` writes golden files).
    static let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(relative))) }

    /// A cable from `Fixtures/`, parsed under its file name.
    static func cable(_ relative: String) throws -> Cable {
        try CableParser.parse(try bytes(relative), name: (relative as NSString).lastPathComponent)
    }

    static func seed(_ id: String) throws -> Cable { try cable("seeds/\(id).txt") }
    static func corpus(_ id: String) throws -> Cable { try cable("corpus/\(id).txt") }

    /// A shipped policy copied under `Fixtures/policies/`.
    static func policy(_ name: String) throws -> Policy { try PolicyLoader.load(path("policies/\(name).yaml")) }

    static func engine(_ name: String) throws -> DecisionEngine { try DecisionEngine(policy: try policy(name)) }

    /// The corpus cables' paths relative to `Fixtures/`, sorted by name (61).
    static func corpusFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path("corpus"))
            .filter { $0.hasSuffix(".txt") }
            .sorted()
            .map { "corpus/\($0)" }
    }

    static let seedFiles = ["seeds/09ASTANA435.txt", "seeds/09ASTANA1000.txt"]
}

/// `2026-11-24` as a date.
func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad date \(iso)") }
    return d
}

/// The reviewer's fields the golden files are built with, so that they do not change from day to day.
let goldenOptions = ReleaseOptions(caseID: "F-2026-01234", docNo: "C05512345", reviewAuthority: "Jane Doe, Senior Reviewer",
                                   releaseDate: day("2026-11-27"))

/// The release of `cable` under the shipped policy `policy` as of `asOf`.
func release(_ cable: Cable, _ policy: String, _ asOf: String, options: ReleaseOptions = goldenOptions) throws -> Release {
    Release(cable: cable, engine: try Fixture.engine(policy), asOf: day(asOf), options: options)
}

/// The release text as a string, and its lines (without their newlines).
extension Release {
    var string: String { String(decoding: text.bytes, as: UTF8.self) }
    var lines: [String] { string.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The release's bytes without the stamp: everything after the first empty line.
    var bodyBytes: [UInt8] {
        let b = text.bytes
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x0A, b[i + 1] == 0x0A { return Array(b[(i + 2)...]) }
            i += 1
        }
        return []
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("declass-release-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names in the folder, hidden ones included, sorted.
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    /// Names of leftover temporary files (`.NAME.tmp-XXXXXX`).
    func temporaries() throws -> [String] { try names().filter { $0.hasPrefix(".") && $0.contains(".tmp-") } }

    /// Copies a fixture into the folder and returns its path.
    func copy(_ relative: String, as name: String? = nil) throws -> String {
        let target = path(name ?? (relative as NSString).lastPathComponent)
        try FileManager.default.copyItem(atPath: Fixture.path(relative), toPath: target)
        return target
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The `declass` executable built next to the test bundle (`.build-rtests/debug/declass`).
enum DeclassBinary {
    static var url: URL? {
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("declass"))
            dir = dir.deletingLastPathComponent()
        }
        var bundle = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            candidates.append(bundle.appendingPathComponent("declass"))
            bundle = bundle.deletingLastPathComponent()
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Runs `declass` with `arguments`; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard let url else {
            Issue.record("the declass executable was not found next to the test bundle (\(CommandLine.arguments[0])): build it first")
            return (-1, "", "")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: AuditKey.environmentVariable)
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
