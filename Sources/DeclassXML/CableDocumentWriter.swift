/// Writes a `CableDocument` as XML through libxml2's xmlTextWriter: a pure function from the model to
/// bytes (no file, no global state), so that parallel workers can call it.
public enum CableDocumentWriter {
    /// The document's XML (UTF-8), following the shipped XSD.
    public static func render(_ doc: CableDocument) throws(XMLError) -> [UInt8] {
        let w = try XMLWriter(capacity: doc.parts.count * 400 + 2048)
        w.startDocument()
        w.start("cable")
        w.attribute("xmlns", XMLNames.declass)
        w.attribute("xmlns:declass", XMLNames.declass)
        w.attribute("xmlns:ism", XMLNames.ism)
        w.attribute("declass:document", doc.kind.rawValue)
        w.attribute("id", doc.id)
        w.attribute("date", doc.date)
        w.attribute("origin", doc.origin)
        w.attribute("serial", doc.serial)
        w.attribute("source", doc.source)
        w.attribute("ism:resourceElement", "true")
        w.attribute("ism:createDate", doc.createDate)
        w.attribute("ism:DESVersion", ISMMapping.desVersion)
        marking(doc.marking, w)
        if let r = doc.release {
            w.raw("\n  ")
            w.start("release")
            w.attribute("policy", r.policy)
            w.attribute("policyVersion", r.policyVersion)
            w.attribute("policyDigest", r.policyDigest)
            w.attribute("asOf", r.asOf)
            w.attribute("disposition", r.disposition)
            for line in r.stamp {
                w.raw("\n    ")
                w.start("stamp")
                w.text(line)
                w.end()
            }
            w.raw("\n  ")
            w.end()
        }
        for p in doc.parts {
            w.raw("\n  ")
            part(p, w)
        }
        w.raw("\n")
        w.end()
        return try w.finish()
    }

    private static func part(_ p: XMLPart, _ w: XMLWriter) {
        switch p.element {
        case .field: w.start("field")
        case .banner: w.start("banner")
        case .paragraph: w.start("paragraph")
        case .heading: w.start("heading")
        case .pageBreak: w.start("pageBreak")
        case .signature: w.start("signature")
        case .text: w.start("text")
        }
        w.attribute("part", p.part)
        w.attribute("label", p.label)
        w.attribute("line", p.line)
        w.attribute("number", p.number)
        w.attribute("writtenNumber", p.writtenNumber)
        w.attribute("blocks", list: p.blocks)
        if let m = p.marking { marking(m, w) }
        w.attribute("declass:disposition", p.disposition?.rawValue)
        w.attribute("declass:exemption", p.exemption)
        w.attribute("declass:authority", p.authority)
        w.attribute("declass:rule", p.rule)
        for piece in p.content { inline(piece, w) }
        w.end()
    }

    private static func inline(_ piece: XMLInline, _ w: XMLWriter) {
        switch piece {
        case .text(let t):
            w.text(t)
        case .redacted(let exemption, let rule, let length):
            w.start("redacted")
            w.attribute("declass:exemption", exemption)
            w.attribute("declass:rule", rule)
            w.attribute("length", length)
            w.end()
        case .pageBreak(let line):
            w.start("pageBreak")
            w.attribute("line", line)
            w.end()
        case .blockStart(let kind):
            w.start("blockStart")
            w.attribute("kind", kind)
            w.end()
        case .blockEnd(let kind):
            w.start("blockEnd")
            w.attribute("kind", kind)
            w.end()
        case .control(let code):
            w.start("char")
            w.attribute("code", String(code, radix: 16, uppercase: true))
            w.end()
        }
    }

    /// The marking attributes in a fixed order: ISM's, then declass's.
    static func marking(_ m: XMLMarking, _ w: XMLWriter) {
        w.attribute("ism:classification", m.classification)
        w.attribute("ism:ownerProducer", ISMMapping.ownerProducer)
        w.attribute("ism:disseminationControls", list: m.disseminationControls)
        w.attribute("ism:releasableTo", list: m.releasableTo)
        w.attribute("ism:nonICmarkings", list: m.nonICMarkings)
        w.attribute("ism:classifiedBy", m.classifiedBy)
        w.attribute("ism:classificationReason", m.classificationReason)
        w.attribute("ism:declassDate", m.declassDate)
        w.attribute("ism:declassException", list: m.declassException)
        w.attribute("declass:mark", m.mark)
        w.attribute("declass:markSource", m.markSource)
        if !m.controls.isEmpty { w.attribute("declass:controls", m.controls.joined(separator: "//")) }
        w.attribute("declass:declassKind", m.declassKind)
        w.attribute("declass:declassExemptions", list: m.oldExemptions)
        if m.declassified { w.attribute("declass:declassified", "true") }
    }
}
