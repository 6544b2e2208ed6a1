import CLibXML2

/// A thin owner of libxml2's xmlTextWriter writing into a Swift byte array: elements, attributes and text
/// are streamed out as they are written and escaped by libxml2. Internal: no pointer leaves it.
final class XMLWriter {
    /// Where libxml2's output buffer flushes to (its write callback's context).
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let writer: xmlTextWriterPtr
    private var failed = false

    /// A writer whose output starts with room for `capacity` bytes.
    init(capacity: Int) throws(XMLError) {
        sink.bytes.reserveCapacity(max(capacity, 4096))
        // The output buffer hands each chunk (4,000 bytes or more, then the rest) to the sink; the writer
        // owns the buffer and closes it.
        let write: xmlOutputWriteCallback = { context, chunk, length in
            guard let context, let chunk, length > 0 else { return length }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            UnsafeRawBufferPointer(start: chunk, count: Int(length)).withMemoryRebound(to: UInt8.self) { sink.bytes.append(contentsOf: $0) }
            return length
        }
        guard let out = xmlOutputBufferCreateIO(write, nil, Unmanaged.passUnretained(sink).toOpaque(), nil) else {
            throw XMLError.writer("cannot allocate the output buffer")
        }
        guard let w = xmlNewTextWriter(out) else {
            xmlOutputBufferClose(out)
            throw XMLError.writer("cannot create the text writer")
        }
        writer = w
    }

    deinit {
        xmlFreeTextWriter(writer)
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
        if list.count == 1 {
            attribute(name, list[0])
        } else if !list.isEmpty {
            attribute(name, list.joined(separator: " "))
        }
    }

    /// Text content. Text with nothing to escape (no `<`, `>`, `&`, `"` or carriage return: what libxml2's
    /// escaping replaces) goes to the writer as it is, sparing libxml2 a copy; other text is escaped by it.
    func text(_ value: String) {
        var value = value
        let plain = value.withUTF8 { u -> Bool in
            guard let base = u.baseAddress, !XMLWriter.needsEscaping(UnsafeRawBufferPointer(u)) else { return false }
            check(xmlTextWriterWriteRawLen(writer, base, Int32(u.count)))
            return true
        }
        if !plain {
            value.withCString { c in
                check(xmlTextWriterWriteString(writer, UnsafeRawPointer(c).assumingMemoryBound(to: xmlChar.self)))
            }
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
        return sink.bytes
    }

    /// True when `u` holds a byte libxml2's text escaping replaces (`<`, `>`, `&`, `"`, carriage return) or
    /// a NUL (which would end its string): eight bytes at a time.
    static func needsEscaping(_ u: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func has(_ w: UInt64, _ byte: UInt64) -> Bool {
            let x = w ^ (byte &* ones)
            return (x &- ones) & ~x & highs != 0
        }
        var i = 0
        while i + 8 <= u.count {
            let w = UInt64(littleEndian: u.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if has(w, 0x3C) || has(w, 0x3E) || has(w, 0x26) || has(w, 0x22) || has(w, 0x0D) || has(w, 0x00) { return true }
            i += 8
        }
        while i < u.count {
            let c = u[i]
            if c == 0x3C || c == 0x3E || c == 0x26 || c == 0x22 || c == 0x0D || c == 0x00 { return true }
            i += 1
        }
        return false
    }
}
