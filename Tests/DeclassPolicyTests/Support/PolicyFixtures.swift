import DeclassKit
import Foundation
import Testing

/// The fixtures this target reads, all copied into `Fixtures/`: the two seed cables, the shipped policies it
/// uses, the 61 corpus cables and the crafted cables.
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
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
        return try CableParser.parse(bytes, name: (relative as NSString).lastPathComponent)
    }

    static func seed(_ id: String) throws -> Cable { try cable("seeds/\(id).txt") }

    /// A shipped policy copied under `Fixtures/policies/`.
    static func policy(_ name: String) throws -> Policy { try PolicyLoader.load(path("policies/\(name).yaml")) }

    /// The corpus cables, sorted by name.
    static func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("corpus"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// `2026-11-24` as a date.
func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad date \(iso)") }
    return d
}

/// Decides `cable` under `policy` as of `asOf` with a fresh engine.
func review(_ cable: Cable, _ policy: Policy, _ asOf: String) throws -> Review {
    try DecisionEngine(policy: policy).decide(cable, asOf: day(asOf))
}

/// Parses a policy written in the test.
func policy(_ yaml: String) throws -> Policy { try PolicyLoader.parse(yaml, file: "test.yaml") }

/// A policy of one rule (default release) whose `when` is given as a YAML flow mapping.
func oneRule(_ when: String, action: String = "withhold", exemption: String = "B5", id: String = "r") throws -> Policy {
    try policy("""
        policy: one-rule
        version: 1
        default: release
        rules:
          - id: \(id)
            when: \(when)
            action: \(action)
            exemption: \(exemption)
        """)
}

/// A small cable written for one test: routing, date-time group, banner, E.O. line, tags, subject,
/// Classified By, the given numbered paragraphs, signature.
func craft(_ paragraphs: [String],
           banner: String = "C O N F I D E N T I A L ASTANA 000001",
           dtg: String = "O 120728Z MAR 09",
           decl: String = "E.O. 12958: DECL: 03/12/2029",
           tags: String = "TAGS: PREL, KZ",
           subject: String = "SUBJECT: KAZAKHSTAN: A CRAFTED CABLE",
           classifiedBy: String = "Classified By: Ambassador X, 1.4 (b,d)",
           distribution: String = "STATE FOR SCA/CEN") throws -> Cable {
    let text = """
        VZCZCXRO0001
        OO RUEHWEB
        DE RUEHTA #0001/01 0710728
        ZNY CCCCC ZZH
        \(dtg)
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4867
        INFO RUCNCIS/CIS COLLECTIVE

        \(banner)

        SIPDIS

        \(distribution)

        \(decl)
        \(tags)
        \(subject)

        \(classifiedBy)

        \(paragraphs.joined(separator: "\n\n"))

        HOAGLAND

        """
    return try CableParser.parse(text, name: "crafted.txt")
}

extension Review {
    /// The decision about the unit labelled `label` (`¶4`, `subject`, `routing@1`).
    func decision(_ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Decision {
        try #require(decisions.first { $0.label == label }, "no unit labelled \(label); labels: \(decisions.map(\.label))",
                     sourceLocation: sourceLocation)
    }

    /// Labels of the units (structure aside) whose action is `action`, in unit order.
    func labels(_ action: PolicyAction) -> [String] {
        decisions.filter { $0.rule != "structure" && $0.action == action }.map(\.label)
    }

    /// `label: action` for the paragraphs, in order.
    var paragraphActions: [String] {
        decisions.filter { $0.kind == .paragraph }.map { "\($0.label): \($0.action.name)" }
    }
}

extension Decision {
    /// Action, winning rule, exemption and matching rules in one comparable line.
    var summary: String {
        "\(action.name) rule=\(rule ?? "default") exemption=\(exemption?.code ?? "-") matching=\(matchingRules)"
    }
}

/// The source text of a span.
func text(_ cable: Cable, _ span: RedactionSpan) -> String { cable.text(span.range) }
