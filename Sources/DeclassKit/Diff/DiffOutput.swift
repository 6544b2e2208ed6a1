extension ReleaseWriter {
    /// True when `output` names the same existing file as one of `inputs` (`-`, standard input, never
    /// does): `declass diff -o` refuses it as `redact` and `export` do.
    public static func wouldOverwriteInput(_ output: String, inputs: [String]) -> Bool {
        inputs.contains { $0 != "-" && sameFile(output, $0) }
    }
}
