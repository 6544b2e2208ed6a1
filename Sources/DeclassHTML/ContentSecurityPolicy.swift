import Crypto

/// The review page's Content-Security-Policy: nothing from outside (`default-src 'none'`), and only the
/// page's own inline stylesheet and script, allowed by their SHA-256 hashes (no `unsafe-inline`).
public struct ContentSecurityPolicy: Sendable {
    /// The policy's text, for the `<meta http-equiv="Content-Security-Policy">` tag.
    public let text: String

    /// The policy allowing exactly `style` and `script` (the contents of the inline elements).
    public init(style: String, script: String) {
        text = "default-src 'none'; style-src '\(ContentSecurityPolicy.hash(style))'; script-src '\(ContentSecurityPolicy.hash(script))'; "
            + "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
            + "base-uri 'none'; form-action 'none'"
    }

    /// `sha256-<base64>` of `source`'s UTF-8 bytes, as CSP writes a hash source.
    public static func hash(_ source: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Array(source.utf8))).base64EncodedString()
    }
}

import Foundation
