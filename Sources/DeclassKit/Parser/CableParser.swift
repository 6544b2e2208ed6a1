import DeclassMatch

/// Turns cable text into a `Cable`: one pass over the UTF-8 bytes to split lines, one pass over the lines to
/// place each in a unit, then the fields are read from their units. Units are byte ranges, never copies.
public enum CableParser {
    /// The largest input read as one cable (64 MiB): far above any real cable, low enough to refuse a stray
    /// archive or disk image before it is scanned.
    public static let maximumSize = 64 << 20

    /// Parses `bytes`, named `name` in errors and diagnostics (a path, or `-` for standard input).
    public static func parse(_ bytes: [UInt8], name: String) throws(CableError) -> Cable {
        guard bytes.count <= maximumSize else { throw CableError.tooLarge(name: name, bytes: bytes.count, limit: maximumSize) }
        var cable = Cable(source: bytes, name: name)
        // Filled through an `inout` parameter: when the closure that reads the bytes captured the local cable,
        // returning it copied the whole cable (retaining each of its fields) and destroyed the local.
        try read(bytes, name: name, into: &cable)
        return cable
    }

    /// Reads `bytes` into `cable` (made from them): lines, units, fields and blocks.
    private static func read(_ bytes: [UInt8], name: String, into cable: inout Cable) throws(CableError) {
        let outcome: Result<Void, CableError> = bytes.withUnsafeBufferPointer { buffer in
            let t = ByteText(buffer)
            // Validated and scanned for the block markers in one pass (`BlockScanner` records them at the end).
            let markers: [PatternMatch]?
            do throws(CableError) {
                markers = try MarkedInput.scan(t, name: name)
            } catch {
                return .failure(error)
            }
            var layout = CableLayout(t: t)
            layout.run()
            guard layout.looksLikeCable else { return .failure(CableError.notACable(name: name)) }
            // Moved, not shared: the fields below write to the units, which would otherwise copy them all.
            cable.units = layout.units
            cable.diagnostics = layout.diagnostics
            layout.units = []
            layout.diagnostics = []
            CableFields.read(t, layout: layout, into: &cable)
            BlockScanner.scan(t, cable: &cable, markers: markers)
            return .success(())
        }
        try outcome.get()
    }

    /// Parses a string (convenience for tests and callers that already hold text).
    public static func parse(_ text: String, name: String = "-") throws(CableError) -> Cable {
        try parse(Array(text.utf8), name: name)
    }
}
