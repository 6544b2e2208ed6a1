import Foundation

/// One cable file a sweep found: its path as found, and where its output goes relative to the output folder.
public struct SweepInput: Sendable, Hashable {
    /// The absolute path: the command-line folder made absolute, joined with the file's place under it.
    public var path: String
    /// The file's place under its folder (`2009/09ASTANA435.txt`), which the output mirrors.
    public var relative: String
    /// Why a folder under the input could not be listed (the sweep lists it as an error), or nil for a file.
    public var unreadable: String? = nil
}

/// Finds the cable files of a sweep: every regular file ending in `.txt` (any case) under each folder,
/// recursively, hidden files and folders skipped, symbolic links to folders not followed; in byte order of
/// their relative paths within each folder (folders in the order given), so a sweep's order never depends
/// on the file system's. A folder that cannot be listed is an input of its own, which the sweep reports.
public enum SweepInputs {
    /// The cables under `roots` (folders, or single files), as a list; with several roots each one's
    /// outputs go under a folder named like it, so that two trees never write the same output.
    public static func find(_ roots: [String]) throws(SweepError) -> [SweepInput] {
        let found = Array(try walk(roots))
        if found.isEmpty { throw SweepError.noCables(paths: roots) }
        return found
    }

    /// The cables under `roots` one at a time, in the order of `find`, holding one folder listing per level.
    public static func walk(_ roots: [String]) throws(SweepError) -> SweepWalk {
        SweepWalk(try checked(roots))
    }

    /// Counts the cables under `roots` without holding them, and checks that no two of them would be
    /// written to one output (`a.txt` and `a.TXT` both becoming `a.xml`; two outputs can only meet in one
    /// folder), so that a sweep knows its size and refuses such inputs before it writes anything.
    public static func survey(_ roots: [String], output: (String) -> String) throws(SweepError) -> Int {
        var count = 0
        for root in try checked(roots) {
            if root.isFolder {
                try survey(folder: root.path, relative: root.prefix.isEmpty ? "" : String(root.prefix.dropLast()), output: output, count: &count)
            } else {
                count += 1
            }
        }
        if count == 0 { throw SweepError.noCables(paths: roots) }
        return count
    }

    private static func survey(folder: String, relative: String, output: (String) -> String, count: inout Int) throws(SweepError) {
        guard case .success(let entries) = SweepFolderEntry.list(folder) else {
            count += 1
            return
        }
        var seen: [String: String] = [:]
        for entry in entries where !entry.isFolder {
            count += 1
            let path = folder.hasSuffix("/") ? folder + entry.name : folder + "/" + entry.name
            let name = output(relative.isEmpty ? entry.name : relative + "/" + entry.name)
            if let first = seen.updateValue(path, forKey: name) {
                throw SweepError.sameOutput(path: name, first: first, second: path)
            }
        }
        for entry in entries where entry.isFolder {
            let path = folder.hasSuffix("/") ? folder + entry.name : folder + "/" + entry.name
            try survey(folder: path, relative: relative.isEmpty ? entry.name : relative + "/" + entry.name, output: output, count: &count)
        }
    }

    /// The roots made absolute, each with the folder its outputs go under; two roots of one name are refused.
    private static func checked(_ roots: [String]) throws(SweepError) -> [SweepRoot] {
        var checked: [SweepRoot] = []
        var named: [String: String] = [:]
        for given in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else { throw SweepError.notFound(path: given) }
            let root = URL(fileURLWithPath: given).standardizedFileURL.path
            let prefix = roots.count > 1 ? lastComponent(root) + "/" : ""
            if roots.count > 1, let first = named.updateValue(root, forKey: prefix) {
                throw SweepError.sameOutput(path: String(prefix.dropLast()), first: first, second: root)
            }
            checked.append(SweepRoot(path: root, prefix: prefix, isFolder: isDirectory.boolValue))
        }
        return checked
    }

    /// True when `name` is a cable file name: `*.txt`, not hidden.
    static func isCableName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.lowercased().hasSuffix(".txt")
    }

    static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}

extension NSError {
    /// The POSIX reason under a Foundation file error (`Permission denied`), else its description.
    var underlyingErrorDescription: String {
        if let posix = userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return localizedDescription
    }
}
