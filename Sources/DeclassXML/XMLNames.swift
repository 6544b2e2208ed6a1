/// The namespaces of the export: declass's own (elements, and its qualified attributes with the
/// `declass:` prefix) and IC-ISM's.
public enum XMLNames {
    /// declass's namespace: the elements of a cable document and the `declass:` attributes.
    public static let declass = "urn:declass:cable:1"
    /// The IC-ISM namespace of the marking attributes (`ism:classification`, …).
    public static let ism = "urn:us:gov:ic:ism"
}
