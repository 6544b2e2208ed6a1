import DeclassKit
import Foundation
import Testing

/// A fresh temporary folder per sweep test, with helpers to fill it with cables and read a sweep's outputs.
struct SweepFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("declass-sweep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Copies the 61 corpus cables into `relative` (made), `copies` times over in subfolders `0/`, `1/`, …
    /// when `copies` > 1.
    func copyCorpus(to relative: String, copies: Int = 1) throws -> String {
        let dir = path(relative)
        for c in 0..<copies {
            let target = copies == 1 ? dir : dir + "/\(c)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for f in try Fixture.corpusFiles() {
                try FileManager.default.copyItem(atPath: Fixture.path(f), toPath: target + "/" + (f as NSString).lastPathComponent)
            }
        }
        return dir
    }

    /// Writes `text` at `relative` (folders made) and returns its path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    /// Every file under `relative` (hidden ones and the lock included), by relative path, with its bytes.
    func tree(_ relative: String) throws -> [String: [UInt8]] {
        let base = path(relative)
        var out: [String: [UInt8]] = [:]
        guard let e = FileManager.default.enumerator(atPath: base) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + "/" + rel)))
            }
        }
        return out
    }

    /// The manifest's entries.
    func manifest(_ outDir: String) throws -> [SweepEntry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(outDir) + "/manifest.jsonl"))
        return try data.split(separator: 0x0A).map { try JSONDecoder().decode(SweepEntry.self, from: Data($0)) }
    }
}

/// The audit entries' time in sweep tests, so that two sweeps write the same log.
let sweepTime = Date(timeIntervalSince1970: 1_800_000_000)

/// Options for a sweep of `inputs` into `outDir` under a shipped policy.
func sweepOptions(_ inputs: [String], _ outDir: String, policy: String = "foia-release", asOf: String, jobs: Int = 2) throws -> SweepOptions {
    SweepOptions(inputs: inputs, outDir: outDir, policy: try Fixture.policy(policy), asOf: day(asOf), jobs: jobs,
                 release: goldenOptions, time: sweepTime)
}
