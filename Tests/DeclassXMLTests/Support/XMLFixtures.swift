import DeclassKit
import DeclassXML
import Foundation
import Testing

/// The fixtures this target reads, copied into `Fixtures/`: the 61 corpus cables (`corpus/`), the seeds
/// (`seeds/`), the shipped policies foia-release and release-all (`policies/`), ODNI's IC-ISM schema
/// unchanged (`ism/`) and the test schema that imports it (`ism-conformance.xsd`).
enum Fixture {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(relative))) }

    static func cable(_ relative: String) throws -> Cable {
        try CableParser.parse(try bytes(relative), name: (relative as NSString).lastPathComponent)
    }

    static func engine(_ name: String) throws -> DecisionEngine {
        try DecisionEngine(policy: try PolicyLoader.load(path("policies/\(name).yaml")))
    }

    /// The corpus cables' paths relative to `Fixtures/`, sorted (61).
    static func corpusFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path("corpus")).filter { $0.hasSuffix(".txt") }.sorted().map { "corpus/\($0)" }
    }

    static let seedFiles = ["seeds/09ASTANA435.txt", "seeds/09ASTANA1000.txt"]

    /// The two policies every corpus cable is exported under.
    static let policies = ["foia-release", "release-all"]
}

/// `2026-11-24` as a date.
func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad date \(iso)") }
    return d
}

/// Fixed reviewer fields, so that documents do not change from day to day.
let fixedOptions = ReleaseOptions(caseID: "F-2026-01234", docNo: "C05512345", reviewAuthority: "Jane Doe, Senior Reviewer",
                                  releaseDate: day("2026-11-27"))

/// The release of `cable` under `policy` as of `asOf`, and its XML export.
func export(_ cable: Cable, _ policy: String, _ asOf: String = "2026-11-24", format: ExportFormat = .xml) throws -> (Release, ExportedRelease) {
    let r = Release(cable: cable, engine: try Fixture.engine(policy), asOf: day(asOf), options: fixedOptions)
    return (r, try ExportedRelease(r, cable: cable, options: fixedOptions, format: format))
}

/// A cable parsed from text (for hand-made cases).
func cable(_ text: String, name: String = "test.txt") throws -> Cable {
    try CableParser.parse(Array(text.utf8), name: name)
}

extension Array where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
}

/// A fresh temporary folder, removed by `remove()`.
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("declass-xml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs an executable found on PATH (or at an absolute path); nil when it is not installed.
func runTool(_ name: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String)? {
    let candidates = name.hasPrefix("/") ? [name] : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/\(name)" }
    guard let exe = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
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

/// The `declass` executable built next to the test bundle.
enum DeclassBinary {
    static var path: String? {
        var dir = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("declass").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Runs `declass` with `arguments`.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard let path, let result = try runTool(path, arguments) else {
            Issue.record("the declass executable was not found next to the test bundle: build it first")
            return (-1, "", "")
        }
        return result
    }
}
