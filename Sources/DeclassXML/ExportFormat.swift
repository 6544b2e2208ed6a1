/// The structured forms a cable is exported in.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// XML valid against the shipped XSD, written with libxml2.
    case xml
    /// The same document as JSON (the model's Codable form, sorted keys).
    case json
}
