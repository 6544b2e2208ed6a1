import DeclassKit

extension CableDocument {
    /// The release of `cable` under `review` as a document: withheld parts keep their element and
    /// attributes but no text, redacted spans become `<redacted>` elements, classified parts of a cable
    /// declassified at the as-of date count as unclassified, and the root carries the release's marking.
    public init(release cable: Cable, review: Review, options: ReleaseOptions) {
        let level = ReleaseClassification(cable: cable, review: review)
        self.init(release: cable, review: review, classification: level,
                  stamp: ReleaseStamp(review: review, classification: level, options: options), date: options.releaseDate)
    }

    /// The document of an already made release (`options` are the ones it was made with): its
    /// classification and stamp are the release text's.
    public init(_ release: Release, cable: Cable, options: ReleaseOptions) {
        self.init(release: cable, review: release.review, classification: release.text.classification, stamp: release.text.stamp,
                  date: options.releaseDate)
    }

    private init(release cable: Cable, review: Review, classification level: ReleaseClassification, stamp: ReleaseStamp, date: CivilDate) {
        let declassified = review.eligibility.isDeclassified(on: review.asOf)
        var builder = PartBuilder(cable: cable, review: review, declassified: declassified)
        builder.releaseLevel = level
        var root = builder.marking(level: level.level, controls: level.controls, source: nil, mark: nil)
        root.declassified = declassified && cable.classification > .sensitiveButUnclassified && cable.classification != .unknown
        let info = XMLReleaseInfo(policy: review.policyName, policyVersion: review.policyVersion, policyDigest: review.policyDigest,
                                  asOf: review.asOf.description, disposition: review.disposition.rawValue,
                                  stamp: stamp.lines.map(XMLText.attribute))
        self.init(kind: .release, cable: cable, createDate: date, marking: root, release: info,
                  parts: cable.units.indices.compactMap { builder.part($0) })
    }

    /// The full cable with its real markings, every part's text included: for internal systems only.
    public init(unredacted cable: Cable, createDate: CivilDate) {
        let builder = PartBuilder(cable: cable, review: nil, declassified: false)
        let root = builder.marking(level: cable.classification, controls: cable.controls, source: nil, mark: nil)
        self.init(kind: .unredacted, cable: cable, createDate: createDate, marking: root, release: nil,
                  parts: cable.units.indices.compactMap { builder.part($0) })
    }

    private init(kind: Kind, cable: Cable, createDate: CivilDate, marking: XMLMarking, release: XMLReleaseInfo?, parts: [XMLPart]) {
        self.init(kind: kind, id: cable.id.map(XMLText.attribute), date: cable.date?.description, origin: cable.origin.map(XMLText.attribute),
                  serial: cable.serial, source: XMLText.attribute(cable.name), createDate: createDate.description,
                  marking: marking, release: release, parts: parts)
    }
}

/// Builds the parts of one cable's document: element, marking, disposition and content of each unit.
struct PartBuilder {
    let cable: Cable
    let review: Review?
    /// True when the release counts the cable's classified portions as declassified.
    let declassified: Bool
    /// What every classified marking of the cable repeats (classifier, reasons, declassification
    /// instruction), worked out once per cable.
    let classifiedFields: XMLMarking
    /// The release's classification (what its recomputed banners say): the level of the released parts
    /// that carry no portion mark of their own, so no released part is marked above the document.
    var releaseLevel: ReleaseClassification? {
        didSet { cache.released = nil }
    }
    /// The markings worked out so far: portions repeat a few marks, so each is worked out once per cable.
    private let cache = MarkingCache()

    private final class MarkingCache {
        var byMark: [PortionMarking: XMLMarking] = [:]
        var released: XMLMarking?
        var banner: XMLMarking?
    }

    init(cable: Cable, review: Review?, declassified: Bool) {
        self.cable = cable
        self.review = review
        self.declassified = declassified
        // A release that withholds the Classified By line does not repeat its classifier either.
        let showsClassifier = review.map { r in !r.decisions.contains { $0.kind == .classifiedBy && $0.action != .release } } ?? true
        var m = XMLMarking(classification: "")
        if let a = cable.authority {
            if showsClassifier, !a.by.isEmpty { m.classifiedBy = XMLText.limited(XMLText.attribute(a.by), ISMMapping.classifiedByLimit) }
            let reason = a.authority
            if !reason.isEmpty { m.classificationReason = XMLText.limited(reason, ISMMapping.reasonLimit) }
        }
        let d = cable.declassification
        m.declassKind = d.kind.rawValue
        if d.kind == .date, let on = d.declassifiesOn { m.declassDate = on.description }
        let (ism, old) = ISMMapping.exemptions(d.exemptions)
        m.declassException = ism
        m.oldExemptions = old.map(XMLText.attribute)
        classifiedFields = m
    }

    /// The element a unit kind is written as; nil for blank lines.
    static func element(_ kind: UnitKind) -> XMLPart.Element? {
        switch kind {
        case .blank: nil
        case .banner: .banner
        case .pageBreak: .pageBreak
        case .paragraph: .paragraph
        case .heading: .heading
        case .signature: .signature
        case .text: .text
        default: .field
        }
    }

    /// The part for unit `k`, or nil for blank lines.
    func part(_ k: Int) -> XMLPart? {
        let unit = cable.units[k]
        guard let element = PartBuilder.element(unit.kind) else { return nil }
        var part = XMLPart(element: element, part: unit.kind.rawValue, label: XMLText.attribute(unit.label), line: unit.firstLine)
        if element == .banner || element == .pageBreak { return part }
        part.number = unit.number
        // The number as written, only when it says something the number does not (`[1](#)2`, `11` read as ¶1).
        part.writtenNumber = unit.writtenNumber.flatMap { w in
            unit.number.map { w == String($0) || w == "¶\($0)" } == true ? nil : XMLText.attribute(w)
        }
        part.blocks = unit.blocks.map(\.rawValue)
        part.marking = marking(of: unit, released: review.map { $0.decisions[k].action != .withhold } ?? false)
        guard let d = review?.decisions[k] else {
            part.content = content(unit, spans: [])
            return part
        }
        switch d.action {
        case .withhold:
            part.disposition = .withheld
        case .redact:
            part.disposition = .redacted
            part.content = content(unit, spans: d.spans)
        case .release:
            part.disposition = .released
            part.content = content(unit, spans: [])
        }
        let exemptions = d.action == .withhold ? (d.exemption.map { [$0] } ?? []) : d.exemptionsApplied
        part.exemption = exemptions.isEmpty ? nil : exemptions.map(\.code).joined(separator: " ")
        part.authority = d.authority.map(XMLText.attribute)
        part.rule = d.rule.map(XMLText.attribute)
        return part
    }

    /// The marking of a unit: its own portion mark; for parts that carry none, the release's level when the
    /// release shows them, else the banner's.
    func marking(of unit: CableUnit, released: Bool) -> XMLMarking {
        if let m = unit.marking {
            if let known = cache.byMark[m] { return known }
            // A written mark is the usual case: its source is left out (the XSD's documented default).
            let made = marking(level: m.classification, controls: m.controls, source: m.source == .written ? nil : m.source.rawValue,
                               mark: m.canonical)
            cache.byMark[m] = made
            return made
        }
        if released, let r = releaseLevel {
            if let known = cache.released { return known }
            let made = marking(level: r.level, controls: r.controls, source: "release", mark: nil)
            cache.released = made
            return made
        }
        if let known = cache.banner { return known }
        let made = marking(level: cable.classification, controls: cable.controls, source: "banner", mark: nil)
        cache.banner = made
        return made
    }

    /// A marking at `level` with `controls`; classified markings carry the cable's classifier, reasons and
    /// declassification instruction. In a release of a declassified cable, classified levels count as `U`.
    func marking(level written: Classification, controls: [String], source: String?, mark: String?) -> XMLMarking {
        var level = written
        var marking = XMLMarking(classification: "U", mark: mark.map(XMLText.attribute), markSource: source)
        if review != nil, declassified, level != .unknown, level > .sensitiveButUnclassified {
            level = .unclassified
            marking.declassified = true
        }
        marking.classification = ISMMapping.level(level, banner: cable.classification)
        if level == .sensitiveButUnclassified { marking.nonICMarkings = ["SBU"] }
        let classified = marking.classification != "U"
        ISMMapping.apply(controls: classified || level == .sensitiveButUnclassified ? controls : controls.filter { $0 == "FOUO" },
                         level: level, to: &marking)
        guard classified else { return marking }
        let f = classifiedFields
        marking.classifiedBy = f.classifiedBy
        marking.classificationReason = f.classificationReason
        marking.declassKind = f.declassKind
        marking.declassDate = f.declassDate
        marking.declassException = f.declassException
        marking.oldExemptions = f.oldExemptions
        return marking
    }

    /// A unit's content: its words as written, redacted spans as `<redacted>`, page breaks and repeated
    /// banners as `<pageBreak>`, and the edges of the blocks that start or end inside it.
    func content(_ unit: CableUnit, spans: [RedactionSpan]) -> [XMLInline] {
        let lo = unit.contentRange.lowerBound
        var hi = unit.contentRange.upperBound
        let source = cable.source
        while hi > lo, [0x20, 0x0A, 0x0D, 0x09].contains(source[hi - 1]) { hi -= 1 }
        guard hi > lo else { return [] }
        // The usual part: nothing cut out of it and no block edge inside, one run of text.
        if spans.isEmpty, !unit.interruptions.contains(where: { $0.kind == .pageBreak || $0.kind == .banner }),
           !cable.blocks.contains(where: { b in
               (b.range.lowerBound >= lo && b.range.lowerBound < hi) || (b.closed && b.range.upperBound > lo && b.range.upperBound < hi)
           }) {
            var out: [XMLInline] = []
            XMLText.append(source[lo..<hi], to: &out)
            return out
        }
        enum Cut { case redacted(RedactionSpan), pageBreak(Int) }
        var cuts: [(Range<Int>, Cut)] = spans.map { ($0.range, .redacted($0)) }
        for i in unit.interruptions where i.kind == .pageBreak || i.kind == .banner {
            cuts.append((i.range, .pageBreak(i.line)))
        }
        cuts.sort { $0.0.lowerBound < $1.0.lowerBound }
        var points: [(Int, XMLInline)] = []
        for b in cable.blocks {
            if b.range.lowerBound >= lo, b.range.lowerBound < hi { points.append((b.range.lowerBound, .blockStart(kind: b.kind.rawValue))) }
            if b.range.upperBound > lo, b.range.upperBound < hi, b.closed { points.append((b.range.upperBound, .blockEnd(kind: b.kind.rawValue))) }
        }
        points.sort { $0.0 < $1.0 }
        var out: [XMLInline] = []
        var p = 0
        func text(_ a: Int, _ b: Int) {
            var at = a
            while p < points.count, points[p].0 <= b {
                let x = max(points[p].0, at)
                if x > at { XMLText.append(source[at..<x], to: &out) }
                out.append(points[p].1)
                at = x
                p += 1
            }
            if b > at { XMLText.append(source[at..<b], to: &out) }
        }
        var at = lo
        for (range, cut) in cuts where range.lowerBound >= at && range.lowerBound < hi {
            text(at, range.lowerBound)
            switch cut {
            case .redacted(let s): out.append(.redacted(exemption: s.exemption?.code, rule: XMLText.attribute(s.rule), length: s.length))
            case .pageBreak(let line): out.append(.pageBreak(line: line))
            }
            at = min(range.upperBound, hi)
        }
        text(at, hi)
        return XMLPart.merged(out)
    }
}

extension XMLPart {
    /// Adjacent text pieces joined, so that a document read back holds the same pieces.
    static func merged(_ pieces: [XMLInline]) -> [XMLInline] {
        var out: [XMLInline] = []
        for piece in pieces {
            if case .text(let b) = piece, case .text(let a)? = out.last {
                out[out.count - 1] = .text(a + b)
            } else if case .text(let t) = piece, t.isEmpty {
                continue
            } else {
                out.append(piece)
            }
        }
        return out
    }
}
