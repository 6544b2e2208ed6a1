import CLibXML2
import Foundation

/// What a reader of an XML document sees, as one text for the leak checker: every attribute value and
/// every text, decoded (no markup, no escapes), with a line feed at each element edge and after each
/// attribute value so that no two run together into one word. Gathered by SAX callbacks while libxml2
/// validates the document as a stream (`XMLSchema.check`): no tree is built.
///
/// Attributes whose schema type is a closed vocabulary (enumerations, numbers, dates: `part`, `kind`,
/// `blocks`, `ism:classification`, …) are left out: the document is validated as it is read, so they
/// cannot hold cable text, and their words (`comment`, `summary`) would otherwise stop a release that
/// withholds a heading reading COMMENT.
final class XMLProjection {
    /// Local names of the attributes the XSD restricts to a closed vocabulary.
    static let closed: [String] = ["part", "kind", "blocks", "line", "number", "length", "serial", "date", "code",
                                   "disposition", "markSource", "declassKind", "declassified", "document", "exemption",
                                   "resourceElement", "createDate", "DESVersion", "classification", "ownerProducer",
                                   "disseminationControls", "releasableTo", "nonICmarkings", "declassDate", "declassException",
                                   "asOf"]
    /// The closed names' bytes, indexed by length, for comparing libxml2's names without making strings
    /// or hashing.
    private static let closedByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (closed.map(\.utf8.count).max() ?? 0) + 1)
        for name in closed { table[name.utf8.count].append(Array(name.utf8)) }
        return table
    }()

    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    static func isClosed(_ name: UnsafePointer<xmlChar>) -> Bool {
        let n = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        let table = closedByLength
        guard n < table.count else { return false }
        for candidate in table[n] where candidate.withUnsafeBufferPointer({ memcmp($0.baseAddress!, name, n) == 0 }) {
            return true
        }
        return false
    }

    /// The SAX handler that fills a projection (its user data).
    static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, _, _, _, _, _, count, _, attributes in
            guard let ctx else { return }
            let p = Unmanaged<XMLProjection>.fromOpaque(ctx).takeUnretainedValue()
            p.bytes.append(0x0A)
            guard let attributes, count > 0 else { return }
            for i in 0..<Int(count) {
                // localname, prefix, URI, value, end
                guard let name = attributes[5 * i], !XMLProjection.isClosed(name),
                      let value = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                p.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: end - value))
                p.bytes.append(0x0A)
            }
        }
        sax.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLProjection>.fromOpaque(ctx).takeUnretainedValue().bytes.append(0x0A)
        }
        sax.characters = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            Unmanaged<XMLProjection>.fromOpaque(ctx).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.cdataBlock = sax.characters
        // A DOCTYPE has no place in a document declass writes: its text would not be looked at.
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLProjection>.fromOpaque(ctx).takeUnretainedValue().doctype = true
        }
        return sax
    }

    /// True when the document had a DOCTYPE.
    var doctype = false
}
