import CLibXML2
import Foundation

/// What a reader of an XML document sees, as one text for the leak checker: every attribute value and
/// every text node, decoded (no markup, no escapes), each followed by a line feed so that no two run
/// together into one word.
///
/// Attributes whose schema type is a closed vocabulary (enumerations, numbers, dates: `part`, `kind`,
/// `blocks`, `ism:classification`, …) are left out: the document is validated before it is checked, so
/// they cannot hold cable text, and their words (`comment`, `summary`) would otherwise stop a release
/// that withholds a heading reading COMMENT.
enum XMLProjection {
    /// Local names of the attributes the XSD restricts to a closed vocabulary.
    static let closed: Set<String> = ["part", "kind", "blocks", "line", "number", "length", "serial", "date", "code",
                                      "disposition", "markSource", "declassKind", "declassified", "document", "exemption",
                                      "resourceElement", "createDate", "DESVersion", "classification", "ownerProducer",
                                      "disseminationControls", "releasableTo", "nonICmarkings", "declassDate", "declassException",
                                      "asOf"]

    static func bytes(_ tree: XMLTree) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 14)
        if let root = tree.root { walk(root, &out) }
        return out
    }

    private static func append(_ s: UnsafePointer<xmlChar>?, _ out: inout [UInt8]) {
        guard let s else { return }
        out.append(contentsOf: UnsafeBufferPointer(start: s, count: strlen(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self))))
        out.append(0x0A)
    }

    private static func walk(_ node: xmlNodePtr, _ out: inout [UInt8]) {
        var n: xmlNodePtr? = node
        while let cur = n {
            switch cur.pointee.type {
            case XML_ELEMENT_NODE:
                var a = cur.pointee.properties
                while let attr = a {
                    if let name = attr.pointee.name, closed.contains(String(cString: name)) {
                        a = attr.pointee.next
                        continue
                    }
                    var v = attr.pointee.children
                    while let t = v {
                        append(t.pointee.content, &out)
                        v = t.pointee.next
                    }
                    a = attr.pointee.next
                }
                if let c = cur.pointee.children { walk(c, &out) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
                append(cur.pointee.content, &out)
            default:
                break
            }
            n = cur.pointee.next
        }
    }
}
