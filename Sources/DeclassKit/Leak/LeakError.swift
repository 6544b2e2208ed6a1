/// Why an output must not be written: it holds withheld text.
public enum LeakError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `output` (a path or `-`) would hold the texts named by `leaks`; nothing was written.
    case leaked(output: String, leaks: [Leak])

    /// One line naming the output and the count, then one line per leak (unit, rule, byte offset, words),
    /// never the withheld text; ends with what to do.
    public var description: String {
        switch self {
        case .leaked(let output, let leaks):
            var s = "\(output): nothing written: \(leaks.count) withheld text\(leaks.count == 1 ? "" : "s") would appear in it:"
            for leak in leaks { s += "\n  \(leak)" }
            s += "\nthe release would disclose withheld text; this is a bug in the emitter or in the policy's spans: "
                + "report it with the cable and the policy (the leak check compares case- and space-folded words)"
            return s
        }
    }
}
