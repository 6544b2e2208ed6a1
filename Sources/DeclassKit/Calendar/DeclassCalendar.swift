import Foundation

/// When the classified cables of an archive become eligible for release by date: per month, and the ones
/// no date ever declassifies (OADR, MR, exemptions, unreadable lines) by why. Cables that are not
/// classified (U, SBU) and cables that cannot be read are counted apart.
public struct DeclassCalendar: Sendable {
    /// One classified cable and its eligibility.
    public struct Entry: Sendable, Hashable {
        public var id: String?
        public var input: String
        /// The date it becomes eligible, or nil for never by date.
        public var date: CivilDate?
        /// `declassification-date`, `automatic`, `declassified`, or for never-by-date the instruction's kind
        /// (`oadr`, `manual-review`, `exemption`, `unparsed`, …).
        public var basis: String
        public var reasoning: String
    }

    /// The first day counted (earlier eligibility dates are `before`), or nil for no bound.
    public var from: CivilDate?
    /// The last day counted (later ones are `after`), or nil for no bound.
    public var to: CivilDate?
    /// The automatic declassification setting used (years), or nil when off.
    public var automaticYears: Int?
    /// Classified cables eligible in the range, by month (`2029-03`), each month's cables by date then input.
    public var months: [String: [Entry]] = [:]
    /// Eligible before `from` (already declassified by date on it).
    public var before: [Entry] = []
    /// Eligible after `to`.
    public var after: [Entry] = []
    /// Never declassified by date, by the instruction's kind.
    public var never: [String: [Entry]] = [:]
    /// Inputs that are not classified (U or SBU throughout): nothing to declassify.
    public var unclassified: [String] = []
    /// Inputs that could not be read, with the error.
    public var errors: [String] = []

    /// Reads every cable under `inputs` (folders searched like a sweep's) on `jobs` threads.
    public static func build(_ inputs: [String], from: CivilDate?, to: CivilDate?, automaticYears: Int?,
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws(SweepError) -> DeclassCalendar {
        let files = try SweepInputs.find(inputs)
        let chunk = 256
        let chunks = (files.count + chunk - 1) / chunk
        let parts = UncheckedArray<DeclassCalendar>(count: chunks, DeclassCalendar(from: from, to: to, automaticYears: automaticYears))
        let workers = max(1, min(jobs, chunks))
        let next = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let c = next.take(below: chunks) {
                var part = DeclassCalendar(from: from, to: to, automaticYears: automaticYears)
                for f in files[(c * chunk)..<min(files.count, (c + 1) * chunk)] { part.add(f.path) }
                parts[c] = part
            }
        }
        var calendar = DeclassCalendar(from: from, to: to, automaticYears: automaticYears)
        for p in parts.values { calendar.merge(p) }
        calendar.sort()
        return calendar
    }

    init(from: CivilDate?, to: CivilDate?, automaticYears: Int?) {
        self.from = from
        self.to = to
        self.automaticYears = automaticYears
    }

    /// Reads one cable and files it.
    mutating func add(_ path: String) {
        let cable: Cable
        do { cable = try CableInput.load(path) } catch {
            errors.append(error.description)
            return
        }
        guard max(cable.classification, cable.highestPortion) >= .confidential else {
            unclassified.append(path)
            return
        }
        let e = Eligibility(cable, automaticYears: automaticYears)
        guard let date = e.date else {
            never[cable.declassification.kind.rawValue, default: []].append(
                Entry(id: cable.id, input: path, date: nil, basis: cable.declassification.kind.rawValue, reasoning: e.reasoning))
            return
        }
        let entry = Entry(id: cable.id, input: path, date: date, basis: e.basis.rawValue, reasoning: e.reasoning)
        if let from, date < from { before.append(entry) } else if let to, date > to { after.append(entry) } else {
            months[DeclassCalendar.month(date), default: []].append(entry)
        }
    }

    mutating func merge(_ other: DeclassCalendar) {
        for (m, es) in other.months { months[m, default: []] += es }
        for (k, es) in other.never { never[k, default: []] += es }
        before += other.before
        after += other.after
        unclassified += other.unclassified
        errors += other.errors
    }

    mutating func sort() {
        // Dated entries by date (undated last), then by input path.
        let byDate: (Entry, Entry) -> Bool = { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.input.utf8.lexicographicallyPrecedes(b.input.utf8)
            }
        }
        for m in months.keys { months[m]!.sort(by: byDate) }
        for k in never.keys { never[k]!.sort(by: byDate) }
        before.sort(by: byDate)
        after.sort(by: byDate)
        unclassified.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        errors.sort()
    }

    /// `2029-03`.
    static func month(_ d: CivilDate) -> String { String(d.description.prefix(7)) }

    /// Every month from the first to the last month with cables (empty months included), in order.
    public var monthRange: [String] {
        guard let first = months.keys.min(), let last = months.keys.max(),
              var y = Int(first.prefix(4)), var m = Int(first.suffix(2)) else { return [] }
        var out: [String] = []
        while true {
            let key = String(format: "%04d-%02d", y, m)
            out.append(key)
            if key >= last { break }
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }

    /// Classified cables the calendar read.
    public var classifiedCount: Int {
        months.values.reduce(0) { $0 + $1.count } + before.count + after.count + never.values.reduce(0) { $0 + $1.count }
    }
}

/// A fixed-size array whose slots are written by several threads, each slot by one thread only.
final class UncheckedArray<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T>
    init(count: Int, _ value: T) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: value)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    subscript(i: Int) -> T {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [T] { Array(storage) }
}

/// Hands out chunk numbers to threads.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
