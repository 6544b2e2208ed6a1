/// The tool's version, printed by `declass --version` and written into every output that records one.
public enum DeclassVersion {
    public static let current = "0.1.0"
}
