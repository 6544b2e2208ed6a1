/// What the leak checker reads of a secret: its text, the label of its unit and its rule. A `LeakSecret`
/// has them, and so has a release's `WithheldPart` (its text, label and rule), which the checker of a
/// release reads in place.
protocol LeakSecretFields {
    var secretText: String { get }
    var secretUnit: String { get }
    var secretRule: String? { get }
}

extension LeakSecret: LeakSecretFields {
    var secretText: String { text }
    var secretUnit: String { unit }
    var secretRule: String? { rule }
}

extension WithheldPart: LeakSecretFields {
    var secretText: String { text }
    var secretUnit: String { label }
    var secretRule: String? { rule }
}
