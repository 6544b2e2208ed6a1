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
        let state = ParseState()
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        // A DOCTYPE stops the parse where it starts: its internal subset (entity declarations, a billion
        // laughs) and its external subset are never read.
        ctxt.pointee.sax.pointee.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            ParseState.of(c)?.doctypeLine = Int(max(1, xmlSAX2GetLineNumber(ctx)))
            xmlStopParser(c)
        }
        // The first error is the one that says what is wrong (later ones follow from it).
        ctxt.pointee.sax.pointee.serror = { ctx, error in
            guard let ctx, let error else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let state = ParseState.of(c), state.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unreadable"
            state.firstError = XMLProblem(line: Int(error.pointee.line), message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let parsed = withExtendedLifetime(state) {
            bytes.withUnsafeBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) { c in
                    name.withCString { xmlCtxtReadMemory(ctxt, c.baseAddress, Int32(buf.count), $0, nil, options) }
                }
            }
        }
        ctxt.pointee._private = nil
        if let line = state.doctypeLine {
            if let parsed { xmlFreeDoc(parsed) }
            throw XMLError.doctype(name: name, line: line)
        }
        guard let parsed, ctxt.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            let e = xmlCtxtGetLastError(ctxt)
            let first = state.firstError ?? XMLProblem(line: Int(e?.pointee.line ?? 0),
                                                       message: (e?.pointee.message.map { String(cString: $0) } ?? "unreadable")
                                                           .trimmingCharacters(in: .whitespacesAndNewlines))
            throw XMLError.malformed(name: name, line: first.line, message: first.message)
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

/// What the parser's callbacks note about one parse: where a DOCTYPE stood, and the first error.
final class ParseState {
    var doctypeLine: Int?
    var firstError: XMLProblem?

    /// The state a parser context carries in its `_private` field.
    static func of(_ ctxt: xmlParserCtxtPtr) -> ParseState? {
        guard let p = ctxt.pointee._private else { return nil }
        return Unmanaged<ParseState>.fromOpaque(p).takeUnretainedValue()
    }
}
