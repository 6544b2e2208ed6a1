import Crypto
import Foundation
import Yams

/// Reads policy files (YAML) into a `Policy`: every key checked, every value validated, `extends` followed,
/// every pattern compiled once, so that a policy that loads can be applied without further errors.
public enum PolicyLoader {
    /// Loads the policy at `path`, following `extends` (relative to the file that names it).
    public static func load(_ path: String) throws(PolicyError) -> Policy {
        var visiting: [String] = []
        var loaded = try loadFile(path, from: nil, visiting: &visiting)
        loaded.policy.files = loaded.files.map(\.path)
        var hash = SHA256()
        for f in loaded.files { hash.update(data: f.bytes) }
        loaded.policy.digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        try loaded.policy.compile()
        return loaded.policy
    }

    /// Parses policy text (no `extends`); for tests and embedded policies.
    public static func parse(_ yaml: String, file: String = "policy.yaml") throws(PolicyError) -> Policy {
        var visiting: [String] = []
        var loaded = try parse(yaml, file: file, bytes: Array(yaml.utf8), visiting: &visiting)
        var hash = SHA256()
        hash.update(data: Array(yaml.utf8))
        loaded.policy.files = [file]
        loaded.policy.digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        try loaded.policy.compile()
        return loaded.policy
    }

    private struct Loaded {
        var policy: Policy
        var files: [(path: String, bytes: [UInt8])]
    }

    private static func loadFile(_ path: String, from: PolicyLocation?, visiting: inout [String]) throws(PolicyError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if let from { throw PolicyError.extendsMissing(from, path: path) }
            throw PolicyError.notFound(file: path)
        }
        if isDirectory.boolValue { throw PolicyError.unreadable(file: path, reason: "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else { throw PolicyError.unreadable(file: path, reason: "permission denied") }
        guard let text = String(data: data, encoding: .utf8) else { throw PolicyError.unreadable(file: path, reason: "not UTF-8 text") }
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if let from, visiting.contains(canonical) {
            throw PolicyError.extendsCycle(from, chain: (visiting + [canonical]).map { ($0 as NSString).lastPathComponent })
        }
        visiting.append(canonical)
        defer { visiting.removeLast() }
        return try parse(text, file: path, bytes: [UInt8](data), visiting: &visiting)
    }

    private static func parse(_ yaml: String, file: String, bytes: [UInt8], visiting: inout [String]) throws(PolicyError) -> Loaded {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PolicyError.notAMapping(PolicyLocation(file: file, line: 1, column: 1), what: "the policy file (it is empty)")
            }
            root = node
        } catch let error as PolicyError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw PolicyError.syntax(PolicyLocation(file: file, line: 1, column: 1), problem: String(describing: error))
        }
        let r = YAMLReader(file: file)
        let top = try r.mapping(root, what: "the policy file")
        try r.checkKeys(top, allowed: topKeys, context: "the policy")
        var parent: Loaded?
        if let ext = top["extends"] {
            let name = try r.string(ext, key: "extends")
            let dir = (file as NSString).deletingLastPathComponent
            let target = name.hasPrefix("/") ? name : (dir.isEmpty ? name : dir + "/" + name)
            parent = try loadFile(target, from: r.location(ext), visiting: &visiting)
        }
        guard let nameNode = top["policy"] else { throw PolicyError.missingKey(r.location(root), key: "policy", context: "the policy file") }
        guard let versionNode = top["version"] else { throw PolicyError.missingKey(r.location(root), key: "version", context: "the policy file") }
        var policy = parent?.policy ?? Policy(name: "", version: "")
        policy.name = try r.string(nameNode, key: "policy")
        policy.version = try r.string(versionNode, key: "version")
        if let d = top["description"] { policy.description = try r.string(d, key: "description") }
        if let d = top["default"] { (policy.defaultAction, policy.defaultExemption) = try readDefault(d, r) }
        if let a = top["automatic-declassification"] { policy.automaticDeclassificationYears = try readAutomatic(a, r) }
        if let a = top["allow"] {
            let terms = try r.stringList(a, key: "allow", allowEmpty: true).map { PatternSource($0.0, at: $0.1) }
            for term in terms where term.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw PolicyError.invalidPattern(term.location, pattern: term.text, reason: "an empty term matches everywhere")
            }
            policy.allow += terms
        }
        var ownRules: [PolicyRule] = []
        if let rulesNode = top["rules"] {
            guard let seq = rulesNode.sequence else { throw PolicyError.wrongType(r.location(rulesNode), key: "rules", expected: "a list of rules") }
            for node in seq {
                let rule = try readRule(node, r)
                if let first = ownRules.first(where: { $0.id == rule.id }) {
                    throw PolicyError.duplicateRule(rule.location, id: rule.id, first: first.location)
                }
                ownRules.append(rule)
            }
        }
        // A rule with a parent's id replaces the parent's rule in place; the others follow the parent's.
        for rule in ownRules {
            if let k = policy.rules.firstIndex(where: { $0.id == rule.id }) { policy.rules[k] = rule } else { policy.rules.append(rule) }
        }
        return Loaded(policy: policy, files: [(file, bytes)] + (parent?.files ?? []))
    }

    static let topKeys = ["policy", "version", "description", "extends", "default", "automatic-declassification", "allow", "rules"]
    static let ruleKeys = ["id", "when", "action", "exemption", "reason"]
    static let conditionKeys = ["classification", "controls", "declassified", "inherited", "reasons", "part", "block", "tags", "origin",
                                "text-matches", "terms", "ignore-case"]
    static let classificationKeys = ["is", "at-least", "at-most"]

    private static func syntaxError(_ error: YamlError, file: String) -> PolicyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return .syntax(PolicyLocation(file: file, line: mark.line, column: mark.column), problem: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(PolicyLocation(file: file, line: context.mark.line, column: context.mark.column),
                           problem: "duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping")
        case .reader(let problem, _, _, _):
            return .syntax(PolicyLocation(file: file, line: 1, column: 1), problem: problem)
        default:
            return .syntax(PolicyLocation(file: file, line: 1, column: 1), problem: String(describing: error))
        }
    }

    private static func readDefault(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> (PolicyAction, Exemption?) {
        if node.scalar != nil {
            let name = try r.string(node, key: "default")
            guard let action = PolicyAction(name: name) else {
                throw PolicyError.unknownValue(r.location(node), key: "action", value: name, expected: "withhold, redact or release")
            }
            if action == .redact { throw PolicyError.unknownValue(r.location(node), key: "default action", value: name, expected: "withhold or release: a default has no text to redact") }
            if action != .release {
                throw PolicyError.missingKey(r.location(node), key: "exemption", context: "a default that withholds (write default: { action: withhold, exemption: B1 })")
            }
            return (action, nil)
        }
        let m = try r.mapping(node, what: "'default'")
        try r.checkKeys(m, allowed: ["action", "exemption"], context: "'default'")
        guard let a = m["action"] else { throw PolicyError.missingKey(r.location(node), key: "action", context: "'default'") }
        let action = try readAction(a, r)
        if action == .redact { throw PolicyError.unknownValue(r.location(a), key: "default action", value: "redact", expected: "withhold or release: a default has no text to redact") }
        let exemption = try m["exemption"].flatMap { (n: Node) throws(PolicyError) -> Exemption? in try readExemption(n, r) }
        if action != .release, m["exemption"] == nil { throw PolicyError.missingKey(r.location(node), key: "exemption", context: "a default that withholds") }
        return (action, exemption)
    }

    private static func readAutomatic(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> Int? {
        if let b = node.bool, node.scalar?.string.lowercased() != "1" {
            return b ? 25 : nil
        }
        let m = try r.mapping(node, what: "'automatic-declassification'")
        try r.checkKeys(m, allowed: ["after-years"], context: "'automatic-declassification'")
        guard let y = m["after-years"] else { throw PolicyError.missingKey(r.location(node), key: "after-years", context: "'automatic-declassification'") }
        guard let years = y.int, years > 0, years <= 100 else { throw PolicyError.wrongType(r.location(y), key: "after-years", expected: "a whole number of years from 1 to 100") }
        return years
    }

    private static func readAction(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> PolicyAction {
        let name = try r.string(node, key: "action")
        guard let action = PolicyAction(name: name) else {
            throw PolicyError.unknownValue(r.location(node), key: "action", value: name, expected: Suggestion.expected(name, among: ["withhold", "redact", "release"]))
        }
        return action
    }

    /// A FOIA exemption, or nil for `none` (a product that excludes text without claiming an exemption).
    private static func readExemption(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> Exemption? {
        let code = try r.string(node, key: "exemption")
        if code.lowercased() == "none" { return nil }
        guard let e = Exemption(code) else {
            throw PolicyError.unknownValue(r.location(node), key: "exemption", value: code, expected: "a FOIA exemption B1 to B9, B7(A) to B7(F), or none")
        }
        return e
    }

    private static func readRule(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> PolicyRule {
        let m = try r.mapping(node, what: "a rule")
        try r.checkKeys(m, allowed: ruleKeys, context: "a rule")
        let at = r.location(node)
        guard let idNode = m["id"] else { throw PolicyError.missingKey(at, key: "id", context: "a rule") }
        let id = try r.string(idNode, key: "id")
        guard !id.isEmpty else { throw PolicyError.wrongType(r.location(idNode), key: "id", expected: "a non-empty name") }
        guard let actionNode = m["action"] else { throw PolicyError.missingKey(at, key: "action", context: "rule '\(id)'") }
        let action = try readAction(actionNode, r)
        var rule = PolicyRule(id: id, action: action, location: at)
        if let e = m["exemption"] { rule.exemption = try readExemption(e, r) }
        if action != .release, m["exemption"] == nil { throw PolicyError.missingKey(at, key: "exemption", context: "rule '\(id)' (it \(action.name)s)") }
        if let reason = m["reason"] { rule.reason = try r.string(reason, key: "reason") }
        if let w = m["when"] { rule.when = try readCondition(w, r) }
        if action == .redact, !rule.when.hasText {
            throw PolicyError.missingKey(at, key: "text-matches' or 'terms", context: "rule '\(id)' (a redact rule redacts the spans they match)")
        }
        return rule
    }

    private static func readCondition(_ node: Node, _ r: YAMLReader) throws(PolicyError) -> RuleCondition {
        let m = try r.mapping(node, what: "'when'")
        try r.checkKeys(m, allowed: conditionKeys, context: "'when'")
        var c = RuleCondition()
        if let n = m["classification"] {
            let cm = try r.mapping(n, what: "'classification' (use 'is:', 'at-least:' or 'at-most:')")
            try r.checkKeys(cm, allowed: classificationKeys, context: "'classification'")
            if let v = cm["is"] { c.classificationIs = Set(try r.stringList(v, key: "is").map { (s, l) throws(PolicyError) in try level(s, l) }) }
            if let v = cm["at-least"] { c.classificationAtLeast = try level(try r.string(v, key: "at-least"), r.location(v)) }
            if let v = cm["at-most"] { c.classificationAtMost = try level(try r.string(v, key: "at-most"), r.location(v)) }
        }
        if let n = m["controls"] {
            c.controls = Set(try r.stringList(n, key: "controls").map { (s, l) throws(PolicyError) -> String in
                guard let control = MarkingReader.canonicalControl(s.uppercased()) else {
                    throw PolicyError.unknownValue(l, key: "control", value: s, expected: "NOFORN, ORCON, FGI, FOUO, PROPIN, REL TO …")
                }
                return control
            })
        }
        if let n = m["declassified"] { c.declassified = try r.bool(n, key: "declassified") }
        if let n = m["inherited"] { c.inherited = try r.bool(n, key: "inherited") }
        if let n = m["ignore-case"] { c.ignoreCase = try r.bool(n, key: "ignore-case") }
        if let n = m["reasons"] {
            c.reasons = Set(try r.stringList(n, key: "reasons").map { (s, l) throws(PolicyError) -> String in
                let letters = AuthorityReader.readReasons("1.4 (\(s.uppercased().replacingOccurrences(of: "1.4", with: "").replacingOccurrences(of: "1.5", with: "")))").1
                guard letters.count == 1 else {
                    throw PolicyError.unknownValue(l, key: "reason", value: s, expected: "a letter a to h, or 1.4(a) to 1.4(h)")
                }
                return letters[0]
            })
        }
        if let n = m["part"] {
            var parts = Set<UnitKind>()
            for (s, l) in try r.stringList(n, key: "part") {
                if s == "header" {
                    parts.formUnion(UnitKind.headerParts)
                } else if let k = UnitKind(rawValue: s), !DecisionEngine.structural.contains(k) {
                    parts.insert(k)
                } else if let k = UnitKind(rawValue: s) {
                    throw PolicyError.unknownValue(l, key: "part", value: k.rawValue, expected: "a part the engine judges: \(k.rawValue) is structure, recomputed on output")
                } else {
                    throw PolicyError.unknownValue(l, key: "part", value: s, expected: Suggestion.expected(s, among: ["header"] + UnitKind.judged))
                }
            }
            c.parts = parts
        }
        if let n = m["block"] {
            c.blocks = Set(try r.stringList(n, key: "block").map { (s, l) throws(PolicyError) -> BlockKind in
                guard let b = BlockKind(rawValue: s) else { throw PolicyError.unknownValue(l, key: "block", value: s, expected: Suggestion.expected(s, among: ["summary", "comment", "note"])) }
                return b
            })
        }
        if let n = m["tags"] { c.tags = Set(try r.stringList(n, key: "tags").map { $0.0.uppercased() }) }
        if let n = m["origin"] { c.origins = Set(try r.stringList(n, key: "origin").map { $0.0.uppercased().filter { $0 != " " } }) }
        if let n = m["text-matches"] { c.textMatches = try r.stringList(n, key: "text-matches").map { PatternSource($0.0, at: $0.1) } }
        if let n = m["terms"] { c.terms = try r.stringList(n, key: "terms").map { PatternSource($0.0, at: $0.1) } }
        for p in c.textMatches + c.terms where p.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw PolicyError.invalidPattern(p.location, pattern: p.text, reason: "an empty pattern matches everywhere")
        }
        return c
    }

    private static func level(_ s: String, _ l: PolicyLocation) throws(PolicyError) -> Classification {
        if s.lowercased() == "unknown" { return .unknown }
        guard let c = Classification(token: s) else {
            throw PolicyError.unknownValue(l, key: "classification", value: s, expected: Suggestion.expected(s, among: ["U", "SBU", "C", "S", "TS", "unknown"]))
        }
        return c
    }
}

extension UnitKind {
    /// The parts rules can name: every kind but the structure the engine never judges.
    public static var judged: [String] { allCases.filter { !DecisionEngine.structural.contains($0) }.map(\.rawValue) }

    /// The parts before the banner, named together as `header` in policies.
    public static let headerParts: Set<UnitKind> = [.routing, .dateTimeGroup, .from, .to, .info, .distribution, .notice, .headerText]
}
