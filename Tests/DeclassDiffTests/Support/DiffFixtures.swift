import DeclassHTML
import DeclassKit
import Foundation
import Testing

/// The fixtures this target reads, copied into `Fixtures/`: the two seed cables (`seeds/`), the shipped
/// policies (`policies/`), a cable full of markup (`cables/xss.txt`) and a folder of cables (`folder/`).
enum Fixture {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A cable from `Fixtures/`, parsed under its file name.
    static func cable(_ relative: String) throws -> Cable {
        try CableParser.parse([UInt8](try Data(contentsOf: root.appendingPathComponent(relative))), name: (relative as NSString).lastPathComponent)
    }

    static func seed(_ id: String) throws -> Cable { try cable("seeds/\(id).txt") }

    static func policy(_ name: String) throws -> Policy { try PolicyLoader.load(path("policies/\(name).yaml")) }

    /// A fixed release date, so that stamps do not change from day to day.
    static let options = ReleaseOptions(releaseDate: day("2026-11-27"))

    /// The release of `cable` under the shipped `policy` as of `asOf`.
    static func release(_ cable: Cable, _ policy: String, _ asOf: String) throws -> Release {
        Release(cable: cable, engine: try DecisionEngine(policy: try Fixture.policy(policy)), asOf: day(asOf), options: options)
    }

    /// The diff of `cable` against its release under `policy` as of `asOf`.
    static func diff(_ cable: Cable, _ policy: String = "foia-release", _ asOf: String, showOriginal: Bool = false) throws -> ReleaseDiff {
        ReleaseDiff(cable: cable, release: try release(cable, policy, asOf), policy: try Fixture.policy(policy), showOriginal: showOriginal)
    }

    /// The decisions of `cable` that differ between two reviews.
    static func changes(_ cable: Cable, _ p1: String, _ d1: String, _ p2: String, _ d2: String) throws -> DecisionDiff {
        DecisionDiff(cable: cable, before: try release(cable, p1, d1).review, after: try release(cable, p2, d2).review)
    }

    /// The review page of `cable` under `policy` as of `asOf`.
    static func page(_ cable: Cable, _ policy: String = "foia-release", _ asOf: String, showOriginal: Bool = false) throws -> String {
        ReviewPage(diff: try diff(cable, policy, asOf, showOriginal: showOriginal)).html
    }

    /// A temporary folder, removed when the process ends (tests write outputs into it).
    static func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("declass-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The `declass` executable built next to the test bundle.
    static var declass: URL? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = me.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("declass")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Runs `declass arguments…` with `environment` added (NO_COLOR removed unless given); its exit
    /// status, standard output and standard error.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        guard let declass else {
            Issue.record("the declass executable was not found next to the test bundle (\(CommandLine.arguments[0])): build it first")
            return (-1, "", "")
        }
        let process = Process()
        process.executableURL = declass
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
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

/// `2026-11-24` as a date.
func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad date \(iso)") }
    return d
}
