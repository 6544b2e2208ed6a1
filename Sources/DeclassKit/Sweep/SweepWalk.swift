#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The cable files under a sweep's inputs, one at a time, in the order of `SweepInputs`: it holds one
/// folder's listing per level of the tree it is in, never the whole list, so a sweep's memory does not
/// grow with the archive.
public struct SweepWalk: Sequence, IteratorProtocol {
    /// A folder being walked: its sorted entries and how far the walk is.
    private struct Frame {
        var folder: String
        var relative: String
        var entries: [SweepFolderEntry]
        var position = 0
    }

    private var roots: [SweepRoot]
    private var rootIndex = 0
    private var stack: [Frame] = []

    /// A walk over `roots` (checked by `SweepInputs`).
    init(_ roots: [SweepRoot]) {
        self.roots = roots
    }

    /// The next cable file, or a folder that could not be listed, or nil at the end.
    public mutating func next() -> SweepInput? {
        while true {
            if var frame = stack.popLast() {
                guard frame.position < frame.entries.count else { continue }
                let entry = frame.entries[frame.position]
                frame.position += 1
                let folder = frame.folder, relative = frame.relative
                stack.append(frame)
                let path = folder + "/" + entry.name
                let rel = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder {
                    switch SweepFolderEntry.list(path) {
                    case .success(let entries): stack.append(Frame(folder: path, relative: rel, entries: entries))
                    case .failure(let problem): return SweepInput(path: path, relative: rel, unreadable: problem.reason)
                    }
                    continue
                }
                return SweepInput(path: path, relative: rel)
            }
            guard rootIndex < roots.count else { return nil }
            let root = roots[rootIndex]
            rootIndex += 1
            let prefix = root.prefix
            guard root.isFolder else { return SweepInput(path: root.path, relative: prefix + SweepInputs.lastComponent(root.path)) }
            let relative = prefix.isEmpty ? "" : String(prefix.dropLast())
            switch SweepFolderEntry.list(root.path) {
            case .success(let entries):
                stack.append(Frame(folder: root.path == "/" ? "" : root.path, relative: relative, entries: entries))
            case .failure(let problem):
                return SweepInput(path: root.path, relative: relative.isEmpty ? "." : relative, unreadable: problem.reason)
            }
        }
    }
}

/// A folder or file given to a sweep, made absolute, with the folder its outputs go under (`name/` when
/// there are several roots, else empty).
struct SweepRoot {
    var path: String
    var prefix: String
    var isFolder: Bool
}

/// One entry of a folder that a sweep walks into: a cable file or a folder.
struct SweepFolderEntry {
    var name: String
    var isFolder: Bool

    /// The cable files and folders of `folder`, hidden ones skipped, symbolic links to folders not
    /// followed, sorted so that walking them in order gives the byte order of the paths under the folder
    /// (a folder sorts as its name with `/`); or why it cannot be listed (`Permission denied`).
    static func list(_ folder: String) -> Result<[SweepFolderEntry], Unlistable> {
        guard let dir = opendir(folder) else { return .failure(Unlistable(reason: String(cString: strerror(errno)))) }
        defer { closedir(dir) }
        var entries: [(key: [UInt8], entry: SweepFolderEntry)] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: &ent.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            var kind = Int32(ent.pointee.d_type)
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if kind == Int32(DT_UNKNOWN) {
                var s = stat()
                guard lstat(path, &s) == 0 else { continue }
                switch s.st_mode & S_IFMT {
                case S_IFDIR: kind = Int32(DT_DIR)
                case S_IFREG: kind = Int32(DT_REG)
                case S_IFLNK: kind = Int32(DT_LNK)
                default: continue
                }
            }
            switch kind {
            case Int32(DT_DIR):
                entries.append((Array(name.utf8) + [0x2F], SweepFolderEntry(name: name, isFolder: true)))
            case Int32(DT_REG) where SweepInputs.isCableName(name):
                entries.append((Array(name.utf8), SweepFolderEntry(name: name, isFolder: false)))
            case Int32(DT_LNK) where SweepInputs.isCableName(name):
                var t = stat()
                if stat(path, &t) == 0, t.st_mode & S_IFMT == S_IFREG {
                    entries.append((Array(name.utf8), SweepFolderEntry(name: name, isFolder: false)))
                }
            default: continue
            }
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return .success(entries.map(\.entry))
    }

    /// Why a folder could not be listed.
    struct Unlistable: Error {
        var reason: String
    }
}
