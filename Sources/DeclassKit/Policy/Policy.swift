/// A reviewer's judgement as a policy file: ordered rules, a default action, the automatic declassification
/// setting and an allow list, with the files it was read from (its `extends` chain) and their digest.
public struct Policy: Sendable {
    /// The policy's name (`foia-release`).
    public var name: String
    /// The policy's version as written (`1`, `2026-03`).
    public var version: String
    public var description: String?
    /// The action (and exemption, for `withhold`/`redact`) of units that no rule matches.
    public var defaultAction: PolicyAction
    public var defaultExemption: Exemption?
    /// Years after the cable's date after which it is declassified on 31 December (E.O. 13526 §3.3), or nil
    /// when the policy does not apply automatic declassification.
    public var automaticDeclassificationYears: Int?
    /// The rules in file order (parents' rules first when the policy extends another).
    public var rules: [PolicyRule]
    /// Terms that are never redacted (`the Ambassador`), matched without regard to case, as whole words.
    public var allow: [PatternSource]
    /// The files read, the policy's own first, then the files it extends.
    public var files: [String]
    /// SHA-256 (hex) of the bytes of every file read, in `files` order: names the policy in outputs and logs.
    public var digest: String
    /// The compiled patterns (set by `compile()`).
    var matcherBox: MatcherBox?

    public init(name: String, version: String, description: String? = nil, defaultAction: PolicyAction = .release,
                defaultExemption: Exemption? = nil, automaticDeclassificationYears: Int? = nil, rules: [PolicyRule] = [],
                allow: [PatternSource] = [], files: [String] = [], digest: String = "") {
        self.name = name
        self.version = version
        self.description = description
        self.defaultAction = defaultAction
        self.defaultExemption = defaultExemption
        self.automaticDeclassificationYears = automaticDeclassificationYears
        self.rules = rules
        self.allow = allow
        self.files = files
        self.digest = digest
    }
}

/// One rule: when its conditions hold for a unit, it proposes its action; the most restrictive wins.
public struct PolicyRule: Sendable {
    public var id: String
    public var when: RuleCondition
    public var action: PolicyAction
    public var exemption: Exemption?
    /// Why the rule exists, shown to reviewers (`decide`, the review page).
    public var reason: String?
    /// Where the rule was written.
    public var location: PolicyLocation

    public init(id: String, when: RuleCondition = RuleCondition(), action: PolicyAction, exemption: Exemption? = nil,
                reason: String? = nil, location: PolicyLocation = PolicyLocation(file: "-", line: 0, column: 0)) {
        self.id = id
        self.when = when
        self.action = action
        self.exemption = exemption
        self.reason = reason
        self.location = location
    }
}

/// The conditions of a rule; every condition given must hold (an absent condition holds for every unit).
/// List conditions hold when any listed value applies.
public struct RuleCondition: Sendable {
    /// `classification: { is: [C, S] }`: the unit's level is one of these (`unknown` may be named).
    public var classificationIs: Set<Classification>?
    /// `classification: { at-least: C }`: the unit's level is this or higher; `unknown` counts as highest.
    public var classificationAtLeast: Classification?
    /// `classification: { at-most: SBU }`: the unit's level is this or lower; `unknown` never is.
    public var classificationAtMost: Classification?
    /// Dissemination controls on the unit's marking (`NOFORN`, `REL TO NATO`…), canonical.
    public var controls: Set<String>?
    /// Whether the unit is declassified at the as-of date.
    public var declassified: Bool?
    /// Whether the unit's marking was inherited (not written on the portion).
    public var inherited: Bool?
    /// Classification reasons of the cable (`b`, `d`).
    public var reasons: Set<String>?
    /// The unit's part (`paragraph`, `routing`, …; `header` names every part before the banner).
    public var parts: Set<UnitKind>?
    /// Blocks the unit lies in (`comment`, `note`, `summary`).
    public var blocks: Set<BlockKind>?
    /// The cable's TAGS.
    public var tags: Set<String>?
    /// The cable's originating post, upper-case without spaces (`ASTANA`, `RIODEJANEIRO`).
    public var origins: Set<String>?
    /// Regular expressions (Vectorscan syntax) looked for in the unit's words.
    public var textMatches: [PatternSource]
    /// Literal terms looked for in the unit's words, as whole words.
    public var terms: [PatternSource]
    /// Case is ignored by `text-matches` and `terms`.
    public var ignoreCase: Bool

    public init() {
        textMatches = []
        terms = []
        ignoreCase = false
    }

    /// True when the rule needs the text of the unit (it has patterns or terms).
    public var hasText: Bool { !textMatches.isEmpty || !terms.isEmpty }
}

/// A pattern or term as written in a policy, with where it was written (for compile errors).
public struct PatternSource: Sendable, Hashable {
    public var text: String
    public var location: PolicyLocation

    public init(_ text: String, at location: PolicyLocation) {
        self.text = text
        self.location = location
    }
}
