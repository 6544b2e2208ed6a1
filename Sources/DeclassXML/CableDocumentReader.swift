import CLibXML2
import Foundation

/// Reads a cable document back into the model: parsed securely (no DOCTYPE, no entities, no network),
/// validated against the shipped XSD, then mapped element by element.
public enum CableDocumentReader {
    /// The document in `bytes` (`name` for messages); throws when it is malformed, has a DOCTYPE, or does
    /// not follow the schema.
    public static func read(_ bytes: [UInt8], name: String) throws(XMLError) -> CableDocument {
        let schema = try XMLSchema.declass()
        let tree = try XMLTree(bytes, name: name)
        let problems = schema.problems(tree)
        if !problems.isEmpty { throw XMLError.invalid(name: name, problems: problems) }
        guard let root = tree.root else { throw XMLError.invalid(name: name, problems: []) }
        return try document(root, name: name)
    }

    static func document(_ root: xmlNodePtr, name: String) throws(XMLError) -> CableDocument {
        let n = Node(root)
        var parts: [XMLPart] = []
        var release: XMLReleaseInfo?
        for child in n.elements {
            if child.name == "release" {
                release = XMLReleaseInfo(policy: child["policy"] ?? "", policyVersion: child["policyVersion"] ?? "",
                                         policyDigest: child["policyDigest"] ?? "", asOf: child["asOf"] ?? "",
                                         disposition: child["disposition"] ?? "",
                                         stamp: child.elements.map { $0.text })
            } else {
                parts.append(try part(child, name: name))
            }
        }
        return CableDocument(kind: CableDocument.Kind(rawValue: n.declass("document") ?? "") ?? .release,
                             id: n["id"], date: n["date"], origin: n["origin"], serial: n["serial"].flatMap { Int($0) },
                             source: n["source"] ?? "", createDate: n.ism("createDate") ?? "",
                             marking: marking(n), release: release, parts: parts)
    }

    static func part(_ n: Node, name: String) throws(XMLError) -> XMLPart {
        guard let element = XMLPart.Element(rawValue: n.name) else {
            throw XMLError.invalid(name: name, problems: [XMLProblem(line: n.line, message: "unexpected element \(n.name)")])
        }
        var p = XMLPart(element: element, part: n["part"] ?? "", label: n["label"] ?? "", line: n["line"].flatMap { Int($0) } ?? 0)
        if element == .banner || element == .pageBreak { return p }
        p.number = n["number"].flatMap { Int($0) }
        p.writtenNumber = n["writtenNumber"]
        p.blocks = list(n["blocks"])
        p.marking = marking(n)
        p.disposition = n.declass("disposition").flatMap { XMLPart.Disposition(rawValue: $0) }
        p.exemption = n.declass("exemption")
        p.authority = n.declass("authority")
        p.rule = n.declass("rule")
        var content: [XMLInline] = []
        for c in n.children {
            switch c.kind {
            case .text(let t): content.append(.text(t))
            case .element:
                switch c.name {
                case "redacted":
                    content.append(.redacted(exemption: c.declass("exemption"), rule: c.declass("rule") ?? "",
                                             length: c["length"].flatMap { Int($0) } ?? 0))
                case "pageBreak": content.append(.pageBreak(line: c["line"].flatMap { Int($0) } ?? 0))
                case "blockStart": content.append(.blockStart(kind: c["kind"] ?? ""))
                case "blockEnd": content.append(.blockEnd(kind: c["kind"] ?? ""))
                case "char": content.append(.control(c["code"].flatMap { UInt32($0, radix: 16) } ?? 0xFFFD))
                default:
                    throw XMLError.invalid(name: name, problems: [XMLProblem(line: c.line, message: "unexpected element \(c.name)")])
                }
            case .other: continue
            }
        }
        p.content = XMLPart.merged(content)
        return p
    }

    static func marking(_ n: Node) -> XMLMarking {
        XMLMarking(classification: n.ism("classification") ?? "", disseminationControls: list(n.ism("disseminationControls")),
                   releasableTo: list(n.ism("releasableTo")), nonICMarkings: list(n.ism("nonICmarkings")),
                   classifiedBy: n.ism("classifiedBy"), classificationReason: n.ism("classificationReason"),
                   declassDate: n.ism("declassDate"), declassException: list(n.ism("declassException")),
                   mark: n.declass("mark"), markSource: n.declass("markSource"),
                   controls: n.declass("controls").map { $0.components(separatedBy: "//") } ?? [],
                   declassKind: n.declass("declassKind"), oldExemptions: list(n.declass("declassExemptions")),
                   declassified: n.declass("declassified") == "true")
    }

    static func list(_ value: String?) -> [String] {
        value.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) } ?? []
    }
}

/// A read-only view of one libxml2 node, for the reader: name, attributes, children. Internal.
struct Node {
    enum Kind { case element, text(String), other }
    let ptr: xmlNodePtr

    init(_ ptr: xmlNodePtr) { self.ptr = ptr }

    var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }
    var line: Int { Int(xmlGetLineNo(ptr)) }

    var kind: Kind {
        switch ptr.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text(ptr.pointee.content.map { String(cString: $0) } ?? "")
        default: .other
        }
    }

    var children: [Node] {
        var out: [Node] = []
        var c = ptr.pointee.children
        while let n = c {
            out.append(Node(n))
            c = n.pointee.next
        }
        return out
    }

    var elements: [Node] { children.filter { if case .element = $0.kind { true } else { false } } }

    /// The text content of the element (its text children, joined).
    var text: String {
        children.map { if case .text(let t) = $0.kind { t } else { "" } }.joined()
    }

    /// An unqualified attribute.
    subscript(_ attribute: String) -> String? { Node.value(xmlHasNsProp(ptr, attribute, nil)) }

    func ism(_ attribute: String) -> String? { Node.value(xmlHasNsProp(ptr, attribute, XMLNames.ism)) }
    func declass(_ attribute: String) -> String? { Node.value(xmlHasNsProp(ptr, attribute, XMLNames.declass)) }

    /// An attribute's value, read in place (no copy for libxml2 to free).
    private static func value(_ attr: xmlAttrPtr?) -> String? {
        guard let attr else { return nil }
        var out = ""
        var c = attr.pointee.children
        while let t = c {
            if let content = t.pointee.content { out += String(cString: content) }
            c = t.pointee.next
        }
        return out
    }
}
