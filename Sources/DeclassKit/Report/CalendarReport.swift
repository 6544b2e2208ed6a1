import Foundation

/// `declass calendar`'s report: per month how many classified cables become eligible (with a bar), and
/// which; the ones never declassified by date, by why; as text, JSON or CSV.
public struct CalendarReport: Report {
    /// One cable in the JSON and CSV.
    struct Item: Encodable {
        var id: String?
        var input: String
        var date: String?
        var basis: String
        var reasoning: String
    }

    struct Month: Encodable {
        var month: String
        var count: Int
        var cables: [Item]
    }

    let calendar: DeclassCalendar
    let roots: [String]

    /// The report of `calendar`, read from `roots`.
    public init(_ calendar: DeclassCalendar, roots: [String]) {
        self.calendar = calendar
        self.roots = roots
    }

    enum CodingKeys: String, CodingKey {
        case inputs, from, to, months, before, after, never, unclassified, errors
        case automaticYears = "automatic-years"
        case classified
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(roots, forKey: .inputs)
        try c.encode(calendar.from?.description, forKey: .from)
        try c.encode(calendar.to?.description, forKey: .to)
        try c.encode(calendar.automaticYears, forKey: .automaticYears)
        try c.encode(calendar.classifiedCount, forKey: .classified)
        try c.encode(calendar.monthRange.map { m in
            Month(month: m, count: calendar.months[m]?.count ?? 0, cables: (calendar.months[m] ?? []).map(item))
        }, forKey: .months)
        try c.encode(calendar.before.map(item), forKey: .before)
        try c.encode(calendar.after.map(item), forKey: .after)
        try c.encode(calendar.never.mapValues { $0.map(item) }, forKey: .never)
        try c.encode(calendar.unclassified, forKey: .unclassified)
        try c.encode(calendar.errors, forKey: .errors)
    }

    private func item(_ e: DeclassCalendar.Entry) -> Item {
        Item(id: e.id, input: e.input, date: e.date?.description, basis: e.basis, reasoning: e.reasoning)
    }

    /// The widest bar, in characters.
    static let barWidth = 40

    public func text() -> String {
        let c = calendar
        var out = "declassification calendar: \(c.classifiedCount) classified cables under \(roots.joined(separator: ", "))"
        out += c.automaticYears.map { " (automatic declassification after \($0) years)" } ?? " (automatic declassification off; --policy applies a policy's)"
        out += "\n"
        if let from = c.from { out += "eligible before \(from): \(c.before.count)\n" }
        let range = c.monthRange
        let most = range.map { c.months[$0]?.count ?? 0 }.max() ?? 0
        for m in range {
            let n = c.months[m]?.count ?? 0
            let width = most == 0 ? 0 : max(n > 0 ? 1 : 0, n * CalendarReport.barWidth / most)
            out += "\(m)  \(String(repeating: "█", count: width).column(CalendarReport.barWidth))\(n)\n"
        }
        if range.isEmpty { out += "no cable becomes eligible\(c.from.map { " from \($0)" } ?? "")\(c.to.map { " to \($0)" } ?? "")\n" }
        if let to = c.to { out += "eligible after \(to): \(c.after.count)\n" }
        let never = c.never.values.reduce(0) { $0 + $1.count }
        out += "never by date: \(never)\n"
        for (kind, es) in c.never.sorted(by: { $0.key < $1.key }) {
            out += "  \(kind.column(16)) \(es.count): \(es.prefix(6).map { $0.id ?? $0.input }.joined(separator: ", "))\(es.count > 6 ? ", …" : "")\n"
        }
        out += "not classified (U, SBU): \(c.unclassified.count)\n"
        if !c.errors.isEmpty {
            out += "unreadable: \(c.errors.count)\n"
            for e in c.errors { out += "  \(e)\n" }
        }
        return out
    }

    /// One row per classified cable: `id,input,eligible-on,month,basis,reasoning` (RFC 4180 quoting).
    public func csv() -> String {
        var out = "id,input,eligible-on,month,basis,reasoning\r\n"
        let c = calendar
        var rows = c.before + c.monthRange.flatMap { c.months[$0] ?? [] } + c.after
        rows += c.never.sorted(by: { $0.key < $1.key }).flatMap(\.value)
        for e in rows {
            let fields = [e.id ?? "", e.input, e.date?.description ?? "", e.date.map(DeclassCalendar.month) ?? "never", e.basis, e.reasoning]
            out += fields.map(CalendarReport.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
