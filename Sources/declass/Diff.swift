import ArgumentParser
import DeclassHTML
import DeclassKit
import Foundation

/// `declass diff`: a cable against its release, unit by unit (text, JSON or an HTML review page), or the
/// units whose decision differs between two policies or two dates (over many cables, a summary table).
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a release withholds (original against release), or which decisions differ between two policies or dates.",
        discussion: """
            Without --show-original no output holds withheld or redacted words: the original side shows a notice instead, \
            and the output is leak-checked before it is written (exit 3 and nothing written if it holds any).
            """
    )

    @Argument(help: "Cable files or folders of cables (*.txt); '-' reads standard input.")
    var inputs: [String]

    @Option(help: "The policy file (YAML).")
    var policy: String

    @Option(name: .customLong("as-of"), help: "The date decisions are made on, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Compare with the decisions of this policy file instead of showing the release.")
    var against: String?

    @Option(name: .customLong("against-as-of"), help: "Compare with the decisions as of this date (YYYY-MM-DD).")
    var againstAsOf: String?

    @Option(help: "Output format: text (unified diff), json, or html (one review page; one cable only).")
    var format: DiffFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Colour the text output: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(name: .customLong("show-original"), help: "Show withheld and redacted words on the original side (not releasable; off by default).")
    var showOriginal = false

    @Flag(help: "Replace an existing output file.")
    var force = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one cable file or folder (or '-' for standard input)") }
        for (name, value) in [("--as-of", asOf), ("--against-as-of", againstAsOf)] {
            if let value, CivilDate(iso: value) == nil { throw ValidationError("\(name) must be a date written YYYY-MM-DD, not '\(value)'") }
        }
        if output == "-" { throw ValidationError("-o/--output names a file; leave it out to write standard output") }
    }

    private var comparing: Bool { against != nil || againstAsOf != nil }

    func run() throws {
        let date = asOf.flatMap { CivilDate(iso: $0) } ?? CivilDate.today()
        let laterDate = againstAsOf.flatMap { CivilDate(iso: $0) } ?? date
        let engine: DecisionEngine
        let otherEngine: DecisionEngine?
        do {
            engine = try DecisionEngine(policy: try PolicyLoader.load(policy))
            otherEngine = try against.map { try DecisionEngine(policy: try PolicyLoader.load($0)) }
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        var status = ExitStatus.ok
        let (files, expandFailed, sawFolder) = expand(inputs)
        if expandFailed { status = .someInputsFailed }
        if format == .html, files.count != 1 || sawFolder {
            printError("declass: --format html makes one page for one cable; give a single cable file (got \(files.count))")
            throw ExitStatus.usage.code
        }
        let options = ReleaseOptions(releaseDate: CivilDate.today())
        // Each cable's checkers: its section of the output is checked with them only (another cable may
        // well release words this one withholds: a heading, a name).
        var checkers: [[LeakChecker]] = []
        var names: [String] = []
        var diffs: [ReleaseDiff] = []
        var changes: [DecisionDiff] = []
        for file in files {
            do {
                let cable = try CableInput.load(file)
                let release = Release(cable: cable, engine: engine, asOf: date, options: options)
                guard release.leaks.isEmpty else {
                    for leak in release.leaks { printError("declass: \(file): leak check of the release: \(leak): nothing written") }
                    status = .leak
                    continue
                }
                if comparing {
                    // Nothing withheld under either review is shown: the page shows the second review's
                    // release with the first review's parts as notices too; text and JSON name units only.
                    // All are checked with both reviews' checkers.
                    let other = Release(cable: cable, engine: otherEngine ?? engine, asOf: laterDate, options: options)
                    guard other.leaks.isEmpty else {
                        for leak in other.leaks { printError("declass: \(file): leak check of the release (--against): \(leak): nothing written") }
                        status = .leak
                        continue
                    }
                    checkers.append([release.checker, other.checker])
                    names.append(file)
                    changes.append(DecisionDiff(cable: cable, before: release.review, after: other.review))
                    if format == .html {
                        diffs.append(ReleaseDiff(cable: cable, release: other, policy: (otherEngine ?? engine).policy, showOriginal: showOriginal)
                            .hiding(release.review, after: other.review, cable: cable, beforePolicy: engine.policy))
                    }
                } else {
                    checkers.append([release.checker])
                    names.append(file)
                    diffs.append(ReleaseDiff(cable: cable, release: release, policy: engine.policy, showOriginal: showOriginal))
                }
            } catch {
                printError("declass: \(error)")
                if status == .ok { status = .someInputsFailed }
            }
        }
        let summary = comparing && (files.count > 1 || sawFolder)
        let style = DiffStyle(color: format == .text && DiffStyle.wantsColor(color, isTerminal: output == nil && isatty(1) == 1,
                                                                              environment: ProcessInfo.processInfo.environment))
        let rendered = render(diffs: diffs, changes: changes, summary: summary, style: style)
        if !showOriginal {
            let policies = [engine.policy] + (otherEngine.map { [$0.policy] } ?? [])
            let policyTexts = DiffLeakCheck.policyTexts(policies)
            var found = false
            for (name, output, sectionCheckers) in sections(rendered, diffs: diffs, changes: changes, summary: summary, style: style,
                                                                             names: names, checkers: checkers) {
                for leak in DiffLeakCheck.leaks(in: readings(output), checkers: sectionCheckers, policyTexts: policyTexts) {
                    printError("declass: \(name): leak check of the \(format.rawValue) output: \(leak): nothing written")
                    found = true
                }
            }
            if found { throw ExitStatus.leak.code }
        }
        do {
            try write(rendered, inputs: files)
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.someInputsFailed.code
        }
        if status != .ok { throw status.code }
    }

    /// The readings of an output in the chosen format, for the leak check.
    private func readings(_ output: String) -> [String] {
        switch format {
        case .text: DiffLeakCheck.readings(ofText: output)
        case .json: DiffLeakCheck.readings(ofJSON: output)
        case .html: HTMLTextContent.readings(of: output)
        }
    }

    /// The output's sections, each with the cable it shows and the checkers of that cable: each cable's
    /// part as rendered on its own (the output is these parts joined), and for a summary the rest (the
    /// table, which names cables and rules only), checked with every cable's checkers. One page is one
    /// section.
    private func sections(_ rendered: String, diffs: [ReleaseDiff], changes: [DecisionDiff], summary: Bool, style: DiffStyle,
                          names: [String], checkers: [[LeakChecker]]) -> [(name: String, output: String, checkers: [LeakChecker])] {
        if format == .html { return [(names.first ?? "-", rendered, checkers.first ?? [])] }
        var parts: [(String, String, [LeakChecker])] = []
        for (k, name) in names.enumerated() {
            let text: String = switch (format, comparing) {
            case (.json, true): changes[k].json()
            case (.json, false): diffs[k].json()
            case (_, true): changes[k].text(style: style)
            case (_, false): diffs[k].text(style: style)
            }
            parts.append((name, text, checkers[k]))
        }
        if summary {
            var table = DiffSummary(changes)
            table.cables = []
            let rest = format == .json ? table.json() : parts.reduce(rendered) { $0.replacingOccurrences(of: $1.1, with: "\n") }
            parts.append(("the summary table", rest, checkers.flatMap { $0 }))
        }
        return parts
    }

    /// The output, in the chosen format.
    private func render(diffs: [ReleaseDiff], changes: [DecisionDiff], summary: Bool, style: DiffStyle) -> String {
        switch format {
        case .html:
            guard let diff = diffs.first else { return "" }
            return ReviewPage(diff: diff, changes: changes.first).html
        case .json:
            if summary { return DiffSummary(changes).json() + "\n" }
            return comparing ? changes.rendered(json: true, single: inputs.count == 1) : diffs.rendered(json: true, single: inputs.count == 1)
        case .text:
            if summary { return DiffSummary(changes).text(style: style) }
            let texts = comparing ? changes.map { $0.text(style: style) } : diffs.map { $0.text(style: style) }
            return texts.joined(separator: "\n")
        }
    }

    /// Writes `text` to `-o` atomically (an existing file only with `--force`, never one of the cable
    /// files read), else to standard output.
    private func write(_ text: String, inputs: [String]) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if ReleaseWriter.wouldOverwriteInput(output, inputs: inputs) { throw OutputError.wouldOverwriteInput(path: output) }
        if !force, FileManager.default.fileExists(atPath: output) { throw OutputError.exists(path: output) }
        try AtomicFile.write(Array(text.utf8), to: output)
        printError("declass: wrote \(output)")
    }

    /// The cable files of `inputs`: files as given, folders as their `*.txt` files in name order.
    private func expand(_ inputs: [String]) -> (files: [String], failed: Bool, sawFolder: Bool) {
        var files: [String] = []
        var failed = false
        var sawFolder = false
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(input)
                continue
            }
            sawFolder = true
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
            if names.isEmpty {
                printError("declass: \(input): no cables (*.txt) in this folder")
                failed = true
            }
            files += names.map { (input as NSString).appendingPathComponent($0) }
        }
        return (files, failed, sawFolder)
    }
}
