// parse-bench: parse throughput of `CableParser.parse` in MB/s and cables/s.
//
// Loads every `.txt` under the given paths into memory, repeats the set (as distinct copies, so the
// working set really is the requested size and not a few hundred kilobytes sitting in cache) until it
// reaches `--min-mb`, then times one pass of `CableParser.parse(bytes, name:)` over all of them per run,
// on one thread, with `ContinuousClock` (wall) and the thread's CPU time (which a busy machine does not
// inflate). MB here is 10^6 bytes.
//
//   swift run -c release parse-bench [--min-mb 100] [--runs 5] [--policy FILE | --terms N] [PATH …]
//
// With `--redact` each run times the whole release pipeline and the share of each stage.
// With `--export-xml` each run times the text release (parse, decide, release text, leak check) and the
// XML release as `declass export` makes it (parse, decide, the stamp, the XML written with libxml2,
// validated against the XSD as a stream and leak-checked) over the same set, one after the other, and
// prints both rates and their ratio.
// With `--policy FILE` each run also decides every cable under that policy (parse + decide); with
// `--terms N` under a generated policy that redacts N names (`terms`, one Vectorscan database).
// Default paths: `Samples` and the corpus copy in `Tests/DeclassKitTests/Fixtures/corpus` (or, when
// present, `../shared/corpus/cables`).

import DeclassKit
import DeclassXML
import Foundation

struct Options {
    var paths: [String] = []
    var minMB: Double = 100
    var runs: Int = 5
    var policy: String?
    var terms: Int?
    var redact = false
    var exportXML = false
}

func usage() -> String {
    """
    USAGE: parse-bench [--min-mb MB] [--runs N] [--policy FILE | --terms N] [--redact | --export-xml] [PATH …]

    Times CableParser.parse over every .txt file under PATH (files or directories), repeated until the
    set holds at least MB megabytes (10^6 bytes), for N runs; prints each run and the median.
      --min-mb MB   size of the repeated set (default 100)
      --runs N      timed runs (default 5)
      --policy FILE also decide every cable under this policy (as of 2026-11-24)
      --terms N     also decide under a generated policy redacting N names as terms
      --redact      the whole redact pipeline under --policy (default Policies/foia-release.yaml):
                    parse, decide, emit, leak check, audit entries (keyed digests, in memory);
                    prints the share of each stage
      --export-xml  text release vs XML release (written, validated against the XSD, leak-checked)
                    under --policy (default Policies/foia-release.yaml), same run; prints the ratio
      PATH          default: Samples and, when present, ../shared/corpus/cables
    """
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("parse-bench: \(message)\n".utf8))
    exit(2)
}

func parseOptions(_ args: [String]) -> Options {
    var o = Options()
    var i = 0
    func value(_ flag: String) -> String {
        i += 1
        guard i < args.count else { fail("\(flag) needs a value\n\n\(usage())") }
        return args[i]
    }
    while i < args.count {
        let a = args[i]
        switch a {
        case "-h", "--help":
            print(usage())
            exit(0)
        case "--min-mb":
            guard let v = Double(value(a)), v > 0 else { fail("--min-mb takes a positive number") }
            o.minMB = v
        case "--runs":
            guard let v = Int(value(a)), v > 0 else { fail("--runs takes a positive integer") }
            o.runs = v
        case "--policy":
            o.policy = value(a)
        case "--redact":
            o.redact = true
        case "--export-xml":
            o.exportXML = true
        case "--terms":
            guard let v = Int(value(a)), v > 0 else { fail("--terms takes a positive integer") }
            o.terms = v
        default:
            if a.hasPrefix("-") { fail("unknown option '\(a)'\n\n\(usage())") }
            o.paths.append(a)
        }
        i += 1
    }
    if o.paths.isEmpty {
        o.paths = ["Samples"]
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: "../shared/corpus/cables", isDirectory: &isDir), isDir.boolValue {
            o.paths.append("../shared/corpus/cables")
        } else if FileManager.default.fileExists(atPath: "Tests/DeclassKitTests/Fixtures/corpus", isDirectory: &isDir), isDir.boolValue {
            o.paths.append("Tests/DeclassKitTests/Fixtures/corpus")
        }
    }
    return o
}

/// Every `.txt` file at or under `path`, sorted.
func textFiles(under path: String) -> [String] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { fail("no such file or directory: \(path)") }
    if !isDir.boolValue { return [path] }
    guard let e = FileManager.default.enumerator(atPath: path) else { fail("cannot list \(path)") }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
        if rel.hasSuffix(".txt") { out.append((path as NSString).appendingPathComponent(rel)) }
    }
    return out.sorted()
}

struct Input {
    var name: String
    var bytes: [UInt8]
}

/// Counts what a parse produced, so the work cannot be optimised away and a broken parser shows.
struct Tally {
    var cables = 0
    var units = 0
    var paragraphs = 0
    var withheld = 0
    var failures = 0
}

@inline(never)
func parseAll(_ inputs: [Input], engine: DecisionEngine?) -> Tally {
    var t = Tally()
    let asOf = CivilDate(year: 2026, month: 11, day: 24)!
    for input in inputs {
        do {
            let cable = try CableParser.parse(input.bytes, name: input.name)
            t.cables += 1
            t.units += cable.units.count
            for u in cable.units where u.kind == .paragraph { t.paragraphs += 1 }
            if let engine {
                let review = engine.decide(cable, asOf: asOf)
                for d in review.decisions where d.action != .release { t.withheld += 1 }
            }
        } catch {
            t.failures += 1
        }
    }
    return t
}

/// Seconds spent in each stage of the redact pipeline.
struct Stages {
    var parse = 0.0, decide = 0.0, emit = 0.0, leak = 0.0, audit = 0.0
    var total: Double { parse + decide + emit + leak + audit }
}

@inline(never)
func redactAll(_ inputs: [Input], engine: DecisionEngine, stages: inout Stages) -> Tally {
    var t = Tally()
    let asOf = CivilDate(year: 2026, month: 11, day: 24)!
    let options = ReleaseOptions(caseID: "F-2026-01234", docNo: "C05512345", releaseDate: asOf)
    let key = try! AuditKey(bytes: Array("bench-key-0123456789".utf8))
    let clock = ContinuousClock()
    for input in inputs {
        var now = clock.now
        func lap(_ field: inout Double) {
            let n = clock.now
            field += seconds(n - now)
            now = n
        }
        guard let cable = try? CableParser.parse(input.bytes, name: input.name) else { t.failures += 1; continue }
        lap(&stages.parse)
        let review = engine.decide(cable, asOf: asOf)
        lap(&stages.decide)
        let text = ReleaseText(cable: cable, review: review, options: options)
        lap(&stages.emit)
        let release = Release(cable: cable, review: review, text: text)
        lap(&stages.leak)
        // The entries `declass redact --audit` appends (`ReleaseWriter.write`), stamped with one
        // time, digested and serialized as their log lines as the tool does it before chaining them (the
        // numbering, MACs and `prev` digests done under the log's lock are not in this stage).
        let entries = try! PreparedAuditEntries(release: release, cable: cable, policy: engine.policy, output: "-",
                                                bytes: text.bytes, caseID: options.caseID, docNo: options.docNo, key: key, time: Date())
        t.withheld += entries.count - 1
        lap(&stages.audit)
        t.cables += 1
        t.units += cable.units.count
        // Counted in place: `cable.paragraphs` would copy every paragraph unit (0.8% of the run's instructions).
        if !entries.isEmpty { for k in cable.units.indices where cable.units[k].kind == .paragraph { t.paragraphs += 1 } }
        if !release.leaks.isEmpty { t.failures += 1 }
    }
    return t
}

/// The release of every input, as text (parse, decide, release text, leak check) or as XML (parse,
/// decide, the stamp, the XML written with libxml2, validated against the XSD as a stream, leak-checked);
/// returns the output bytes.
@inline(never)
func releaseAll(_ inputs: [Input], engine: DecisionEngine, xml: Bool) -> (bytes: Int, failures: Int) {
    let asOf = CivilDate(year: 2026, month: 11, day: 24)!
    let options = ReleaseOptions(caseID: "F-2026-01234", docNo: "C05512345", releaseDate: asOf)
    var bytes = 0, failures = 0
    for input in inputs {
        guard let cable = try? CableParser.parse(input.bytes, name: input.name) else { failures += 1; continue }
        let review = engine.decide(cable, asOf: asOf)
        if xml {
            // As `declass export` does it: the stamp without the release text, the XML checked on its own.
            let release = Release(cable: cable, review: review, text: ReleaseText(stampOf: cable, review: review, options: options))
            guard let e = try? ExportedRelease(release, cable: cable, options: options, format: .xml), e.leaks.isEmpty else { failures += 1; continue }
            bytes += e.bytes.count
        } else {
            let release = Release(cable: cable, review: review, options: options)
            if !release.leaks.isEmpty { failures += 1 }
            bytes += release.text.bytes.count
        }
    }
    return (bytes, failures)
}

/// Seconds spent in each step the XML release adds to the text release, over every input (one pass):
/// the document model, libxml2's writer, and the whole `ExportedRelease` (those steps again, plus the
/// streamed XSD validation that gathers the text and attribute values, and their leak check).
@inline(never)
func xmlStages(_ inputs: [Input], engine: DecisionEngine) -> (text: Double, model: Double, render: Double, export: Double) {
    let asOf = CivilDate(year: 2026, month: 11, day: 24)!
    let options = ReleaseOptions(caseID: "F-2026-01234", docNo: "C05512345", releaseDate: asOf)
    let clock = ContinuousClock()
    var r = (text: 0.0, model: 0.0, render: 0.0, export: 0.0)
    for input in inputs {
        var now = clock.now
        func lap() -> Double {
            let n = clock.now
            defer { now = n }
            return seconds(n - now)
        }
        guard let cable = try? CableParser.parse(input.bytes, name: input.name) else { continue }
        let review = engine.decide(cable, asOf: asOf)
        _ = Release(cable: cable, review: review, options: options)
        r.text += lap()
        let release = Release(cable: cable, review: review, text: ReleaseText(stampOf: cable, review: review, options: options))
        let doc = CableDocument(release, cable: cable, options: options)
        r.model += lap()
        guard (try? CableDocumentWriter.render(doc)) != nil else { fail("render failed") }
        r.render += lap()
        _ = try? ExportedRelease(release, cable: cable, options: options, format: .xml)
        r.export += lap()
    }
    return r
}

/// A policy redacting `n` generated surnames (B6) as whole-word terms, plus two real ones from the seeds.
func termsPolicy(_ n: Int) -> String {
    let a = ["Ka", "Zhi", "Ta", "Mo", "Ra", "Be", "Su", "Vo", "Ne", "Lu", "Da", "Ko", "Pe", "Sa", "Gri", "Ha"]
    let b = ["ga", "zhin", "ro", "li", "ne", "ska", "to", "vi", "da", "mo", "ber", "ran", "sen", "ko", "ma", "ri"]
    let c = ["lov", "yev", "son", "ez", "ski", "man", "ic", "ova", "ini", "berg", "ton", "ley", "ard", "ez", "enko", "ar"]
    var names = ["Zhigalov", "Tazhin"]
    var i = 0
    while names.count < n {
        names.append(a[i % 16] + b[(i / 16) % 16] + c[(i / 256) % 16] + (i >= 4096 ? String(i / 4096) : ""))
        i += 1
    }
    return """
        policy: terms-bench
        version: 1
        default: release
        rules:
          - id: names
            when:
              terms: [\(names.prefix(n).joined(separator: ", "))]
            action: redact
            exemption: B6
        """
}

func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

/// CPU time this thread has used, in seconds: unlike the wall clock, it does not grow while other
/// processes hold the core, so it shows how much of a slow run was the machine being busy.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))

// Load the set once and drop what the parser refuses (reported, never timed).
var base: [Input] = []
var refused = 0
for path in options.paths {
    for file in textFiles(under: path) {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        let bytes = [UInt8](data)
        do {
            _ = try CableParser.parse(bytes, name: file)
            base.append(Input(name: file, bytes: bytes))
        } catch {
            refused += 1
            FileHandle.standardError.write(Data("parse-bench: skipped (parser refused it): \(error)\n".utf8))
        }
    }
}
guard !base.isEmpty else { fail("no cable (.txt) found under \(options.paths.joined(separator: ", "))") }
let baseBytes = base.reduce(0) { $0 + $1.bytes.count }

// Repeat the set as distinct copies until it holds at least --min-mb.
let wanted = Int(options.minMB * 1_000_000)
var inputs: [Input] = []
var totalBytes = 0
var copies = 0
while totalBytes < wanted {
    copies += 1
    for b in base {
        let copy = b.bytes.withUnsafeBufferPointer { Array($0) }
        inputs.append(Input(name: b.name, bytes: copy))
        totalBytes += copy.count
    }
}

let mb = Double(totalBytes) / 1_000_000
print("parse-bench: \(base.count) cables (\(fmt(Double(baseBytes) / 1_000_000, 3)) MB) from \(options.paths.joined(separator: ", "))"
      + (refused > 0 ? ", \(refused) refused by the parser and skipped" : ""))
print("parse-bench: repeated ×\(copies) = \(inputs.count) cables, \(fmt(mb, 1)) MB; \(options.runs) run(s), one thread")

var engine: DecisionEngine?
var mode = "parse"
do {
    if options.exportXML {
        let path = options.policy ?? "Policies/foia-release.yaml"
        engine = try DecisionEngine(policy: try PolicyLoader.load(path))
        mode = "text release vs XML release (\(path))"
    } else if options.redact {
        let path = options.policy ?? "Policies/foia-release.yaml"
        engine = try DecisionEngine(policy: try PolicyLoader.load(path))
        mode = "redact pipeline: parse, decide, emit, leak check, audit entries (\(path))"
    } else if let path = options.policy {
        engine = try DecisionEngine(policy: try PolicyLoader.load(path))
        mode = "parse + decide (\(path))"
    } else if let n = options.terms {
        engine = try DecisionEngine(policy: try PolicyLoader.parse(termsPolicy(n), file: "terms-\(n).yaml"))
        mode = "parse + decide (\(n) terms)"
    }
} catch {
    fail("\(error)")
}
print("parse-bench: \(mode)")

if options.exportXML, let engine {
    let clock = ContinuousClock()
    let warmText = releaseAll(inputs, engine: engine, xml: false)
    let warmXML = releaseAll(inputs, engine: engine, xml: true)
    precondition(warmText.failures == 0 && warmXML.failures == 0, "a cable failed or leaked on the warm-up pass")
    var textRates: [Double] = [], xmlRates: [Double] = [], ratios: [Double] = [], cpuRatios: [Double] = []
    for run in 1...options.runs {
        // Alternate which goes first, so that neither always runs on a machine the other warmed up.
        var t = 0.0, x = 0.0, tc = 0.0, xc = 0.0
        for xml in run % 2 == 1 ? [false, true] : [true, false] {
            var out = (bytes: 0, failures: 0)
            let c0 = threadCPUSeconds()
            let s = seconds(clock.measure { out = releaseAll(inputs, engine: engine, xml: xml) })
            let c = threadCPUSeconds() - c0
            guard out.failures == 0, out.bytes == (xml ? warmXML.bytes : warmText.bytes) else { fail("run \(run) differs from the warm-up") }
            if xml { x = s; xc = c } else { t = s; tc = c }
        }
        textRates.append(mb / t)
        xmlRates.append(mb / x)
        ratios.append(x / t)
        cpuRatios.append(xc / tc)
        print("run \(run): text release \(fmt(t, 3)) s = \(fmt(mb / t)) MB/s; XML release \(fmt(x, 3)) s = \(fmt(mb / x)) MB/s; XML/text time \(fmt(x / t, 2))× "
              + "(thread CPU: text \(fmt(tc, 3)) s = \(fmt(mb / tc)) MB/s, XML \(fmt(xc, 3)) s = \(fmt(mb / xc)) MB/s, \(fmt(xc / tc, 2))×)")
    }
    print("XML output: \(fmt(Double(warmXML.bytes) / 1_000_000, 1)) MB (text release \(fmt(Double(warmText.bytes) / 1_000_000, 1)) MB)")
    let st = xmlStages(inputs, engine: engine)
    let rest = st.export - st.model - st.render
    func pct(_ v: Double) -> String { fmt(100 * v / st.text, 0) + "%" }
    print("XML steps, as a share of the text release's time (one more pass): model \(pct(st.model)), libxml2 writer \(pct(st.render)), "
          + "streamed XSD validation + leak check of text and attributes \(pct(rest)); all \(pct(st.export))")
    print("median: text release \(fmt(median(textRates))) MB/s, XML release \(fmt(median(xmlRates))) MB/s, XML/text time \(fmt(median(ratios), 2))× (by thread CPU time \(fmt(median(cpuRatios), 2))×) over \(options.runs) run(s) of \(fmt(mb, 1)) MB (target ≤ 1.5×)")
    exit(0)
}

if options.redact, let engine {
    var warm = Stages()
    let expected = redactAll(inputs, engine: engine, stages: &warm)
    precondition(expected.failures == 0, "a cable failed or leaked on the warm-up pass")
    var rates: [Double] = []
    var all: [Stages] = []
    for run in 1...options.runs {
        var st = Stages()
        let cpuStart = threadCPUSeconds()
        let tally = redactAll(inputs, engine: engine, stages: &st)
        let cpu = threadCPUSeconds() - cpuStart
        guard tally.cables == expected.cables, tally.withheld == expected.withheld else { fail("run \(run) differs from the warm-up") }
        rates.append(mb / st.total)
        all.append(st)
        func share(_ x: Double) -> String { fmt(100 * x / st.total, 0) + "%" }
        print("run \(run): \(fmt(st.total, 3)) s  \(fmt(mb / st.total)) MB/s  \(fmt(Double(tally.cables) / st.total, 0)) cables/s  "
              + "(parse \(share(st.parse)), decide \(share(st.decide)), emit \(share(st.emit)), leak check \(share(st.leak)), audit \(share(st.audit)); "
              + "\(tally.withheld) audit entries; thread CPU \(fmt(cpu, 3)) s = \(fmt(mb / cpu)) MB/s)")
    }
    let m = all.sorted { $0.total < $1.total }[all.count / 2]
    func share(_ x: Double) -> String { fmt(100 * x / m.total, 0) + "%" }
    print("median: \(fmt(median(rates))) MB/s over \(options.runs) run(s) of \(fmt(mb, 1)) MB (target ≥ 100 MB/s); stages of the median run: "
          + "parse \(share(m.parse)), decide \(share(m.decide)), emit \(share(m.emit)), leak check \(share(m.leak)), audit \(share(m.audit))")
    exit(0)
}

// One untimed pass to warm caches, page in the copies and check the counts.
let expected = parseAll(inputs, engine: engine)
precondition(expected.failures == 0, "a cable that parsed once failed on the warm-up pass")

let clock = ContinuousClock()
var rates: [Double] = []
var cableRates: [Double] = []
var cpuRates: [Double] = []
for run in 1...options.runs {
    var tally = Tally()
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure { tally = parseAll(inputs, engine: engine) }
    let cpu = threadCPUSeconds() - cpuStart
    guard tally.cables == expected.cables, tally.units == expected.units, tally.paragraphs == expected.paragraphs,
          tally.withheld == expected.withheld else {
        fail("run \(run) parsed different counts (\(tally)) from the warm-up (\(expected))")
    }
    let s = seconds(elapsed)
    let rate = mb / s
    let cps = Double(tally.cables) / s
    rates.append(rate)
    cableRates.append(cps)
    cpuRates.append(mb / cpu)
    print("run \(run): \(fmt(s, 3)) s  \(fmt(rate)) MB/s  \(fmt(cps, 0)) cables/s  (\(tally.cables) cables, \(tally.units) units, \(tally.paragraphs) paragraphs, \(tally.withheld) withheld/redacted; thread CPU \(fmt(cpu, 3)) s = \(fmt(mb / cpu)) MB/s)")
}
print("median: \(fmt(median(rates))) MB/s  \(fmt(median(cableRates), 0)) cables/s  over \(options.runs) run(s) of \(fmt(mb, 1)) MB (target ≥ \(engine == nil ? 250 : 150) MB/s); by thread CPU time \(fmt(median(cpuRates))) MB/s")
