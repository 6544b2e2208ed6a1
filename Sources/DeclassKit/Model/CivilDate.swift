/// A calendar date with no time zone, as cables write them (`03/12/2029`), comparable and printed ISO-style.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Makes a date, or nil when the day does not exist (`02/30/2019`, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              (1000...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (the form used on the command line and in JSON).
    public init?(iso: some StringProtocol) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2029-03-12`.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedDescription }
        // Ten ASCII digits and dashes written in place: decisions print dates for every cable.
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ n: Int, _ at: Int, _ width: Int) {
                var n = n
                for i in stride(from: at + width - 1, through: at, by: -1) {
                    out[i] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                    n /= 10
                }
            }
            put(year, 0, 4)
            out[4] = UInt8(ascii: "-")
            put(month, 5, 2)
            out[7] = UInt8(ascii: "-")
            put(day, 8, 2)
            return 10
        }
    }

    /// `description` for fields outside the ranges a date can hold (they are settable): each number padded
    /// with zeros to its width.
    var paddedDescription: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CivilDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: '\(s)'")
        }
        self = d
    }
}
