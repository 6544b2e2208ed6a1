import CLibXML2
import Foundation

/// A parsed XML document (libxml2's tree), read with the network off, no DTD loaded, no entity expanded,
/// and refused outright when it has a DOCTYPE. Internal: the tree never leaves DeclassXML.
final class XMLTree {
    /// The largest document read: far above any cable document, far below what would hurt.
    static let maximumSize = 64 << 20

    let doc: xmlDocPtr
    let name: String

    /// Parses `bytes`; `name` is used in error messages.
    init(_ bytes: [UInt8], name: String) throws(XMLError) {
        _ = XMLSecurity.installed
        guard bytes.count <= XMLTree.maximumSize else { throw XMLError.tooLarge(name: name, bytes: bytes.count, limit: XMLTree.maximumSize) }
        guard !bytes.isEmpty else { throw XMLError.malformed(name: name, line: 1, message: "empty document") }
        guard let ctxt = xmlNewParserCtxt() else { throw XMLError.writer("cannot allocate a parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        // A DOCTYPE stops the parse where it starts: its internal subset (entity declarations, a billion
        // laughs) and its external subset are never read.
        ctxt.pointee.sax.pointee.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(max(1, xmlSAX2GetLineNumber(ctx))))
            xmlStopParser(c)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                name.withCString { xmlCtxtReadMemory(ctxt, c.baseAddress, Int32(buf.count), $0, nil, options) }
            }
        }
        if let marker = ctxt.pointee._private {
            if let parsed { xmlFreeDoc(parsed) }
            throw XMLError.doctype(name: name, line: Int(bitPattern: marker))
        }
        guard let parsed, ctxt.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            let e = xmlCtxtGetLastError(ctxt)
            let message = e.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unreadable"
            throw XMLError.malformed(name: name, line: Int(e?.pointee.line ?? 0),
                                     message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw XMLError.doctype(name: name, line: 1)
        }
        doc = parsed
        self.name = name
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// The root element.
    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

