import CLibXML2

/// A thin owner of libxml2's xmlTextWriter over a memory buffer: elements, attributes and text are
/// streamed into the buffer as they are written and escaped by libxml2. Internal: no pointer leaves it.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int) throws(XMLError) {
        guard let b = xmlBufferCreateSize(max(capacity, 4096)) else { throw XMLError.writer("cannot allocate the output buffer") }
        guard let w = xmlNewTextWriterMemory(b, 0) else {
            xmlBufferFree(b)
            throw XMLError.writer("cannot create the text writer")
        }
        buffer = b
        writer = w
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ rc: Int32) {
        if rc < 0 { failed = true }
    }

    func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    func start(_ name: StaticString) {
        check(xmlTextWriterStartElement(writer, name.utf8Start))
    }

    func end() {
        check(xmlTextWriterEndElement(writer))
    }

    func attribute(_ name: StaticString, _ value: String) {
        // withCString hands out a native string's own NUL-terminated UTF-8, without a copy.
        value.withCString { c in
            check(xmlTextWriterWriteAttribute(writer, name.utf8Start, UnsafeRawPointer(c).assumingMemoryBound(to: xmlChar.self)))
        }
    }

    func attribute(_ name: StaticString, _ value: String?) {
        if let value { attribute(name, value) }
    }

    func attribute(_ name: StaticString, _ value: Int?) {
        if let value { attribute(name, String(value)) }
    }

    /// Attribute whose value is a space-separated list; omitted when empty.
    func attribute(_ name: StaticString, list: [String]) {
        if !list.isEmpty { attribute(name, list.joined(separator: " ")) }
    }

    func text(_ value: String) {
        value.withCString { c in
            check(xmlTextWriterWriteString(writer, UnsafeRawPointer(c).assumingMemoryBound(to: xmlChar.self)))
        }
    }

    /// Layout white space between elements (never inside mixed content).
    func raw(_ value: StaticString) {
        check(xmlTextWriterWriteRaw(writer, value.utf8Start))
    }

    /// Ends the document and returns its bytes.
    func finish() throws(XMLError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        guard !failed else { throw XMLError.writer("libxml2 could not write the document") }
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }
}
