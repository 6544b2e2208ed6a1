import DeclassKit
import Foundation
import Testing

/// The 61 corpus cables and both seeds released under foia-release as of 2026-11-24 into a temporary folder,
/// with a keyed audit log: the log verifies, holds no withheld text, and has one entry per withheld part and
/// one per document.
@Suite(.serialized) struct AuditTests {
    struct Run {
        let folder: TempFolder
        let log: String
        let key: AuditKey
        /// Per input file (relative to Fixtures/): its release.
        let releases: [(file: String, release: Release)]
    }

    /// Builds the releases and writes them with their audit entries (once per test: each test gets its own folder).
    static func run() throws -> Run {
        let folder = try TempFolder()
        let keyFile = folder.path("audit.key")
        try Data("release-tests audit key\n".utf8).write(to: URL(fileURLWithPath: keyFile))
        let key = try #require(try AuditKey.resolve(path: keyFile, environment: [:]))
        let out = folder.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let log = folder.path("audit.jsonl")
        let engine = try Fixture.engine("foia-release")
        var releases: [(String, Release)] = []
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try CableInput.load(Fixture.path(file))
            let r = Release(cable: cable, engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
            #expect(r.leaks.isEmpty, "\(file): \(r.leaks)")
            try ReleaseWriter.write(r, cable: cable, policy: engine.policy, to: out + "/" + (file as NSString).lastPathComponent,
                                    audit: log, key: key, caseID: goldenOptions.caseID, docNo: goldenOptions.docNo)
            releases.append((file, r))
        }
        return Run(folder: folder, log: log, key: key, releases: releases)
    }

    @Test func theLogOfTheWholeCorpusVerifiesIntactWithItsMACs() throws {
        let run = try Self.run()
        defer { run.folder.remove() }
        let v = try AuditVerifier.verify(path: run.log, key: run.key)
        #expect(v.problem == nil, "\(v)")
        #expect(v.macs == .verified)
        let lines = try String(contentsOfFile: run.log, encoding: .utf8).split(separator: "\n").count
        #expect(v.entries == lines)
        #expect(try AuditVerifier.verify(path: run.log, key: try AuditKey(bytes: Array("another key".utf8))).problem != nil,
                "the log verifies with a key it was not written with")
    }

    /// Lower-cased words, every character that is not a letter or digit taken as a separator, so that JSON
    /// quoting and punctuation cannot hide a hit (a stricter test than a substring search).
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    @Test func noLineOfTheLogHoldsAnyWithheldTextOfThreeOrMoreWords() throws {
        let run = try Self.run()
        defer { run.folder.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: run.log))
        // Every run of 3 to 6 consecutive words of every line, as written and with its JSON strings decoded
        // (so that escapes like \" or \u00e9 cannot hide a hit).
        var grams: [Set<String>] = Array(repeating: [], count: 7)
        func add(_ text: String) {
            let w = Self.words(text)
            for n in 3...6 where w.count >= n {
                for i in 0...(w.count - n) { grams[n].insert(w[i..<(i + n)].joined(separator: " ")) }
            }
        }
        func collect(_ value: Any) {
            if let s = value as? String { add(s) }
            if let d = value as? [String: Any] { d.values.forEach(collect) }
            if let a = value as? [Any] { a.forEach(collect) }
        }
        for line in data.split(separator: 0x0A) {
            add(String(decoding: line, as: UTF8.self))
            collect(try JSONSerialization.jsonObject(with: line))
        }
        var texts = 0
        var needles = 0
        for (file, release) in run.releases {
            for part in release.withheld {
                let raw = part.text.split(whereSeparator: { $0.isWhitespace })
                guard raw.count >= 3 else { continue }
                texts += 1
                let w = Self.words(part.text)
                // The whole text when it is short, else each of its 6-word windows.
                let n = min(w.count, 6)
                guard n >= 3 else { continue }
                for i in 0...(w.count - n) {
                    needles += 1
                    let needle = w[i..<(i + n)].joined(separator: " ")
                    #expect(!grams[n].contains(needle), "\(file) \(part.label) (\(part.rule ?? "default")): the log holds withheld words")
                }
            }
        }
        print("audit log: \(texts) withheld texts of 3+ words, \(needles) word runs looked for, none found in \(data.count) bytes")
        #expect(texts > 100)
    }

    @Test func theLogHasOneEntryPerWithheldPartAndOneDocumentEntryPerCable() throws {
        let run = try Self.run()
        defer { run.folder.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: run.log))
        let entries = try data.split(separator: 0x0A).map { try JSONDecoder().decode(AuditEntry.self, from: Data($0)) }
        let parts = run.releases.reduce(0) { $0 + $1.release.withheld.count }
        let unitsAndSpans = entries.filter { $0.kind == .unit || $0.kind == .span }
        #expect(unitsAndSpans.count == parts)
        #expect(entries.filter { $0.kind == .unit }.count == run.releases.reduce(0) { $0 + $1.release.withheld.filter { $0.action == .withhold }.count })
        #expect(entries.filter { $0.kind == .span }.count == run.releases.reduce(0) { $0 + $1.release.withheld.filter { $0.action == .redact }.count })
        let documents = entries.filter { $0.kind == .document }
        #expect(documents.count == run.releases.count)
        #expect(run.releases.count == 63)
        for (file, release) in run.releases {
            let mine = documents.filter { $0.file == Fixture.path(file) }
            #expect(mine.count == 1, "\(file): \(mine.count) document entries")
            #expect(mine.first?.stamp == release.review.stampLine, "\(file)")
            let withheld = unitsAndSpans.filter { $0.file == Fixture.path(file) }
            #expect(withheld.count == release.withheld.count, "\(file)")
            #expect(withheld.map(\.unit) == release.withheld.map(\.label), "\(file)")
        }
        #expect(entries.map(\.seq) == Array(1...entries.count))
        #expect(entries.allSatisfy { $0.asOf == "2026-11-24" && $0.caseID == "F-2026-01234" && $0.docNo == "C05512345" && $0.mac != nil })
    }
}
