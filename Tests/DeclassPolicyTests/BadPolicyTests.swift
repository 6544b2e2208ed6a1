import DeclassKit
import Foundation
import Testing

/// Every bad policy is refused with an error naming file:line:column and what is wrong.
@Suite struct BadPolicyTests {
    /// The error `PolicyLoader.parse` throws for `yaml`, or nil (and a recorded issue) when it loads.
    private func refusal(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> PolicyError? {
        do {
            _ = try PolicyLoader.parse(yaml, file: "bad.yaml")
            Issue.record("the policy loaded", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func refusal(loading path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> PolicyError? {
        do {
            _ = try PolicyLoader.load(path)
            Issue.record("the policy loaded", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh temporary folder for policy files.
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("declass-policy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aYAMLSyntaxErrorNamesWhereTheParserStopped() {
        let e = refusal("""
            policy: x
            version: 1
            default: release
              rules: []
            """)
        #expect(e?.description == "bad.yaml:4:8: YAML syntax error: mapping values are not allowed in this context")
    }

    @Test func anUnclosedFlowListIsASyntaxError() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                action: [withhold

            """)
        #expect(e?.description == "bad.yaml:6:1: YAML syntax error: while parsing a flow sequence: did not find expected ',' or ']'")
    }

    @Test func aMisspeltKeySuggestsTheNearestKey() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                actoin: withhold
                exemption: B1
            """)
        #expect(e?.description == "bad.yaml:5:5: unknown key 'actoin' in a rule (did you mean 'action'?)")
    }

    @Test func aMisspeltConditionSuggestsTheNearestCondition() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { clasification: { is: [C] } }
                action: release
            """)
        #expect(e?.description == "bad.yaml:5:13: unknown key 'clasification' in 'when' (did you mean 'classification'?)")
    }

    @Test func anUnknownTopLevelKeyIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rulez: []
            """)
        #expect(e?.description == "bad.yaml:3:1: unknown key 'rulez' in the policy (did you mean 'rules'?)")
    }

    @Test func anUnknownActionIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                action: delete
                exemption: B1
            """)
        #expect(e?.description == "bad.yaml:5:13: unknown action 'delete' (expected one of withhold, redact, release)")
    }

    @Test func anUnknownExemptionIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                action: withhold
                exemption: B10
            """)
        #expect(e?.description == "bad.yaml:6:16: unknown exemption 'B10' (expected a FOIA exemption B1 to B9, B7(A) to B7(F), or none)")
    }

    @Test func anUnknownClassificationIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { classification: { at-least: CONF } }
                action: withhold
                exemption: B1
            """)
        #expect(e?.description == "bad.yaml:5:41: unknown classification 'CONF' (expected one of U, SBU, C, S, TS, unknown)")
    }

    @Test func anUnknownClassificationInAnIsListNamesItsOwnItem() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when:
                  classification:
                    is:
                      - C
                      - SECERT
                action: release
            """)
        #expect(e?.description == "bad.yaml:9:13: unknown classification 'SECERT' (expected one of U, SBU, C, S, TS, unknown)")
    }

    @Test func aBackReferenceIsRefusedAtThePatternsOwnLine() {
        let e = refusal(#"""
            policy: x
            version: 1
            rules:
              - id: ok
                when: { text-matches: ['fine'] }
                action: redact
                exemption: B6
              - id: a
                when:
                  text-matches:
                    - 'ok'
                    - '(a)\1'
                action: redact
                exemption: B6
            """#)
        #expect(e?.description == #"bad.yaml:12:11: cannot compile pattern '(a)\1': Back-references are unsupported."#)
    }

    @Test func aLookBehindIsRefusedAtThePatternsOwnColumn() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { text-matches: ['ok', '(?<=a)b'] }
                action: redact
                exemption: B6
            """)
        #expect(e?.description == "bad.yaml:5:34: cannot compile pattern '(?<=a)b': Zero-width assertions are not supported.")
    }

    @Test func anUnbalancedPatternIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { text-matches: ['(unclosed'] }
                action: redact
                exemption: B6
            """)
        #expect(e?.description.hasPrefix("bad.yaml:5:28: cannot compile pattern '(unclosed': ") == true, "\(String(describing: e))")
    }

    @Test func anEmptyPatternIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { terms: [''] }
                action: redact
                exemption: B6
            """)
        #expect(e?.description == "bad.yaml:5:21: cannot compile pattern '': an empty pattern matches everywhere")
    }

    @Test func aDefaultThatRedactsIsRefused() {
        // A redact default has no patterns: every unmatched unit would be "redacted" with no span, and the
        // stamp would read RELEASE IN PART with no exemption although nothing is taken out.
        let e = refusal("""
            policy: x
            version: 1
            default: { action: redact, exemption: B6 }
            """)
        #expect(e?.location?.line == 3, "\(String(describing: e))")
        #expect(e?.description.contains("redact") == true, "\(String(describing: e))")
    }

    @Test func anEmptyAllowEntryIsRefusedAtItsOwnLine() {
        let e = refusal("""
            policy: x
            version: 1
            allow:
              - the Ambassador
              - ''
            """)
        #expect(e?.location?.line == 5, "\(String(describing: e))")
        #expect(e?.location?.column == 5, "\(String(describing: e))")
        #expect(e?.description.hasPrefix("bad.yaml:5:5: ") == true, "\(String(describing: e))")
    }

    @Test func aRuleWithoutAnIdIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - action: withhold
                exemption: B1
            """)
        #expect(e?.description == "bad.yaml:4:5: a rule has no 'id'")
    }

    @Test func duplicateRuleIdsAreRefusedNamingBoth() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                action: release
              - id: b
                action: release
              - id: a
                action: release
            """)
        #expect(e?.description == "bad.yaml:8:5: duplicate rule id 'a' (first used at 4:5)")
    }

    @Test func aWithholdRuleWithoutAnExemptionIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                action: withhold
            """)
        #expect(e?.description == "bad.yaml:4:5: rule 'a' (it withholds) has no 'exemption'")
    }

    @Test func aRedactRuleWithoutPatternsIsRefused() {
        let e = refusal("""
            policy: x
            version: 1
            rules:
              - id: a
                when: { part: [paragraph] }
                action: redact
                exemption: B6
            """)
        #expect(e?.description == "bad.yaml:4:5: rule 'a' (a redact rule redacts the spans they match) has no 'text-matches' or 'terms'")
    }

    @Test func anExtendsCycleIsRefusedWithTheChain() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "policy: a\nversion: 1\nextends: b.yaml\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "policy: b\nversion: 1\nextends: a.yaml\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let e = refusal(loading: dir.appendingPathComponent("a.yaml").path)
        #expect(e?.description == "\(dir.path)/b.yaml:3:10: 'extends' makes a cycle: a.yaml → b.yaml → a.yaml")
    }

    @Test func aPolicyExtendingItselfIsACycle() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "policy: s\nversion: 1\nextends: s.yaml\n".write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let e = refusal(loading: dir.appendingPathComponent("s.yaml").path)
        #expect(e?.description == "\(dir.path)/s.yaml:3:10: 'extends' makes a cycle: s.yaml → s.yaml")
    }

    @Test func extendingAMissingFileIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "policy: c\nversion: 1\nextends: nowhere.yaml\n".write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let e = refusal(loading: dir.appendingPathComponent("c.yaml").path)
        #expect(e?.description == "\(dir.path)/c.yaml:3:10: 'extends' names '\(dir.path)/nowhere.yaml', which does not exist")
    }

    @Test func aMissingPolicyFileIsRefused() {
        let e = refusal(loading: "/nonexistent/declass/policy.yaml")
        #expect(e?.description == "/nonexistent/declass/policy.yaml: no such policy file")
    }

    @Test func extendsInheritsTheParentsRulesAndReplacesOnesWithTheSameId() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            policy: parent
            version: 1
            rules:
              - id: one
                action: release
              - id: two
                when: { part: [paragraph] }
                action: withhold
                exemption: B5
            """.write(to: dir.appendingPathComponent("parent.yaml"), atomically: true, encoding: .utf8)
        try """
            policy: child
            version: 2
            extends: parent.yaml
            rules:
              - id: two
                when: { part: [paragraph] }
                action: withhold
                exemption: B3
              - id: three
                action: release
            """.write(to: dir.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
        let p = try PolicyLoader.load(dir.appendingPathComponent("child.yaml").path)
        #expect(p.name == "child")
        #expect(p.version == "2")
        #expect(p.rules.map(\.id) == ["one", "two", "three"])
        #expect(p.rules[1].exemption?.code == "B3")
        #expect(p.files.map { ($0 as NSString).lastPathComponent } == ["child.yaml", "parent.yaml"])
    }
}
