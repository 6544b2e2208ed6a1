/// A place in a policy file, for error messages and for naming where a rule was written.
public struct PolicyLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column (columns count Unicode scalars, as YAML does).
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `Policies/x.yaml:12:5`.
    public var description: String { "\(file):\(line):\(column)" }
}
