/// `DateReader.month` for a word of upper-case ASCII letters, read on its bytes: the reference reader
/// asks it of every candidate post name (`ASTANA`, `MAR`) without building and upper-casing a String. A
/// word of at least three letters names month `i` exactly when it is a prefix of the month's full name
/// (`MAR`, `MARC`, `MARCH`, `SEPT`): its first three letters are then the abbreviation `month` looks up.
enum ASCIIMonth {
    /// The full month names as bytes, January first.
    private static let full: [[UInt8]] = DateReader.fullMonths.map { Array($0.utf8) }

    /// The month (1–12) `w` names, or nil; `w` holds upper-case ASCII letters only.
    static func month(_ w: some Collection<UInt8>) -> Int? {
        guard w.count >= 3 else { return nil }
        for (i, name) in full.enumerated() where w.count <= name.count && name.starts(with: w) { return i + 1 }
        return nil
    }
}
