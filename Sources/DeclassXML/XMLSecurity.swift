import CLibXML2
import Foundation

/// libxml2's process-wide settings for reading untrusted XML: the parser initialised once, and an external
/// entity loader that refuses every request except files under the folders declass's own schemas were
/// registered from (their `xs:import`s). Documents never reach it: a DOCTYPE stops the parse before any
/// declaration in it is read, and the network is off (`XML_PARSE_NONET`).
enum XMLSecurity {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var allowed: [String] = []
    nonisolated(unsafe) private static var refusedURLs: [String] = []
    nonisolated(unsafe) private static var defaultLoader: xmlExternalEntityLoader?

    /// Installs the loader (once, thread-safe); every entry point of DeclassXML calls it first.
    static let installed: Void = {
        xmlInitParser()
        defaultLoader = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader { url, id, ctxt in
            XMLSecurity.load(url.map { String(cString: $0) }, id, ctxt)
        }
    }()

    /// Lets the loader read files under `folder` (a schema's folder, for its imports).
    static func allow(folder: String) {
        let path = (URL(fileURLWithPath: folder).resolvingSymlinksInPath().path as NSString).standardizingPath
        lock.lock()
        defer { lock.unlock() }
        if !allowed.contains(path) { allowed.append(path) }
    }

    /// Every request the loader refused so far (for tests: a refused document must leave none behind).
    static var refused: [String] {
        lock.lock()
        defer { lock.unlock() }
        return refusedURLs
    }

    private static func load(_ url: String?, _ id: UnsafePointer<CChar>?, _ ctxt: xmlParserCtxtPtr?) -> xmlParserInputPtr? {
        guard let url else { return nil }
        var path = url
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) }
        lock.lock()
        let folders = allowed
        lock.unlock()
        if path.hasPrefix("/"), !path.contains("/../"), !url.contains("%"),
           let folder = folders.first(where: { path.hasPrefix($0 + "/") }),
           URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(folder + "/"),
           let loader = defaultLoader {
            return path.withCString { loader($0, id, ctxt) }
        }
        lock.lock()
        refusedURLs.append(url)
        lock.unlock()
        return nil
    }
}
