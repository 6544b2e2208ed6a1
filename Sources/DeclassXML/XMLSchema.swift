import CLibXML2
import Foundation

/// A compiled XSD (libxml2's xmlSchema), loaded once and shared: each validation takes a context of its
/// own (from a pool, for documents declass has just written), so threads may validate at the same time.
/// The schema's folder is the only place its imports are read from.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// Validation contexts not in use, kept for the next `check` (a context holds one validation at a time).
    private var idle: [xmlSchemaValidCtxtPtr] = []
    private let idleLock = NSLock()
    /// The most contexts kept idle (one per thread that validates at the same time).
    private static let idleLimit = 16
    /// The XSD's path.
    public let path: String

    /// The XSD shipped with declass (`declass-cable.xsd` and the ISM attributes it imports).
    public static let shipped: Result<XMLSchema, XMLError> = {
        guard let url = Bundle.module.url(forResource: "declass-cable", withExtension: "xsd", subdirectory: "Schema") else {
            return .failure(XMLError.schema("declass-cable.xsd is missing from the DeclassXML resources"))
        }
        do throws(XMLError) { return .success(try XMLSchema(path: url.path)) } catch { return .failure(error) }
    }()

    /// The shipped XSD, or the error that says why it could not be loaded.
    public static func declass() throws(XMLError) -> XMLSchema { try shipped.get() }

    /// Loads and compiles the XSD at `path`; its imports are read from its folder (and below) only.
    public init(path: String) throws(XMLError) {
        _ = XMLSecurity.installed
        XMLSecurity.allow(folder: (path as NSString).deletingLastPathComponent)
        guard let ctxt = xmlSchemaNewParserCtxt(path) else { throw XMLError.schema("\(path): cannot open") }
        defer { xmlSchemaFreeParserCtxt(ctxt) }
        let box = ProblemBox()
        let unmanaged = Unmanaged.passUnretained(box).toOpaque()
        xmlSchemaSetParserStructuredErrors(ctxt, ProblemBox.handler, unmanaged)
        guard let s = withExtendedLifetime(box, { xmlSchemaParse(ctxt) }) else {
            throw XMLError.schema("\(path): " + (box.problems.map { "\($0.line): \($0.message)" }.joined(separator: "; ")))
        }
        schema = s
        self.path = path
    }

    deinit {
        for v in idle { xmlSchemaFreeValidCtxt(v) }
        xmlSchemaFree(schema)
    }

    /// An idle validation context, or a new one; nil when libxml2 cannot allocate one.
    private func takeContext() -> xmlSchemaValidCtxtPtr? {
        idleLock.lock()
        let v = idle.popLast()
        idleLock.unlock()
        return v ?? xmlSchemaNewValidCtxt(schema)
    }

    /// Gives a context back once its validation is over (its error handler is cleared first).
    private func putBack(_ v: xmlSchemaValidCtxtPtr) {
        xmlSchemaSetValidStructuredErrors(v, nil, nil)
        idleLock.lock()
        let kept = idle.count < XMLSchema.idleLimit
        if kept { idle.append(v) }
        idleLock.unlock()
        if !kept { xmlSchemaFreeValidCtxt(v) }
    }

    /// The problems of an already parsed tree against this schema (empty when valid).
    func problems(_ tree: XMLTree) -> [XMLProblem] {
        guard let v = xmlSchemaNewValidCtxt(schema) else { return [XMLProblem(line: 0, message: "cannot allocate a validation context")] }
        defer { xmlSchemaFreeValidCtxt(v) }
        let box = ProblemBox()
        xmlSchemaSetValidStructuredErrors(v, ProblemBox.handler, Unmanaged.passUnretained(box).toOpaque())
        let rc = withExtendedLifetime(box) { xmlSchemaValidateDoc(v, tree.doc) }
        if rc != 0, box.problems.isEmpty { return [XMLProblem(line: 0, message: "not valid (libxml2 code \(rc))")] }
        return box.problems
    }

    /// Validates `bytes` as a stream (no tree) and returns what a reader sees of them, for the leak
    /// check: for documents declass has just written. Untrusted documents go through `validate`.
    func check(_ bytes: [UInt8], name: String) -> (problems: [XMLProblem], projection: [UInt8]) {
        _ = XMLSecurity.installed
        guard let v = takeContext() else { return ([XMLProblem(line: 0, message: "cannot allocate a validation context")], []) }
        let box = ProblemBox()
        xmlSchemaSetValidStructuredErrors(v, ProblemBox.handler, Unmanaged.passUnretained(box).toOpaque())
        let projection = XMLProjection(capacity: bytes.count)
        var sax = XMLProjection.handler()
        let rc: Int32 = withExtendedLifetime((box, projection)) {
            bytes.withUnsafeBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) { c in
                    // The parser takes the buffer (a copy of the bytes, ending with a NUL) over and frees it.
                    guard let input = xmlParserInputBufferCreateMem(c.baseAddress, Int32(c.count), XML_CHAR_ENCODING_UTF8) else { return -1 }
                    return xmlSchemaValidateStream(v, input, XML_CHAR_ENCODING_UTF8, &sax, Unmanaged.passUnretained(projection).toOpaque())
                }
            }
        }
        // A context goes back to the pool only after a clean validation; one that saw an error is freed.
        if rc == 0, box.problems.isEmpty { putBack(v) } else { xmlSchemaFreeValidCtxt(v) }
        var problems = box.problems
        if projection.doctype { problems.append(XMLProblem(line: 1, message: "a DOCTYPE in a document declass wrote")) }
        if rc != 0, problems.isEmpty { problems.append(XMLProblem(line: 0, message: "not valid or not well-formed (libxml2 code \(rc))")) }
        return (problems, projection.bytes)
    }

    /// Validates `bytes` (read securely, like every document): throws the first refusal or every schema error.
    public func validate(_ bytes: [UInt8], name: String) throws(XMLError) {
        let tree = try XMLTree(bytes, name: name)
        let p = problems(tree)
        if !p.isEmpty { throw XMLError.invalid(name: name, problems: p) }
    }
}

/// Collects libxml2's structured errors (line and message) for one parse or validation.
final class ProblemBox {
    var problems: [XMLProblem] = []

    static let handler: xmlStructuredErrorFunc = { ctx, error in
        guard let ctx, let error else { return }
        let box = Unmanaged<ProblemBox>.fromOpaque(ctx).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? "error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        box.problems.append(XMLProblem(line: Int(error.pointee.line), message: message))
    }
}
