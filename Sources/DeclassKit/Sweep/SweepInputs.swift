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
    /// The cables under `roots` (folders, or single files); with several roots each one's outputs go under
    /// a folder named like it, so that two trees never write the same output.
    public static func find(_ roots: [String]) throws(SweepError) -> [SweepInput] {
        var found: [SweepInput] = []
        var seen: [String: String] = [:]
        for given in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else { throw SweepError.notFound(path: given) }
            let root = URL(fileURLWithPath: given).standardizedFileURL.path
            let prefix = roots.count > 1 ? lastComponent(root) + "/" : ""
            var here: [SweepInput] = []
            if isDirectory.boolValue {
                walk(root, relative: "", into: &here)
            } else {
                here.append(SweepInput(path: root, relative: lastComponent(root)))
            }
            here.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
            for var input in here {
                input.relative = prefix + input.relative
                if let first = seen[input.relative] {
                    throw SweepError.sameOutput(path: input.relative, first: first, second: input.path)
                }
                seen[input.relative] = input.path
                found.append(input)
            }
        }
        if found.isEmpty { throw SweepError.noCables(paths: roots) }
        return found
    }

    /// True when `name` is a cable file name: `*.txt`, not hidden.
    static func isCableName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.lowercased().hasSuffix(".txt")
    }

    private static func walk(_ folder: String, relative: String, into found: inout [SweepInput]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            let reason = (error as NSError).underlyingErrorDescription
            found.append(SweepInput(path: folder, relative: relative.isEmpty ? "." : relative, unreadable: reason))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var s = stat()
            guard lstat(path, &s) == 0 else { continue }
            switch s.st_mode & S_IFMT {
            case S_IFDIR: walk(path, relative: rel, into: &found)
            case S_IFREG where isCableName(name): found.append(SweepInput(path: path, relative: rel))
            case S_IFLNK where isCableName(name):
                var t = stat()
                if stat(path, &t) == 0, t.st_mode & S_IFMT == S_IFREG { found.append(SweepInput(path: path, relative: rel)) }
            default: continue
            }
        }
    }

    private static func lastComponent(_ path: String) -> String {
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
