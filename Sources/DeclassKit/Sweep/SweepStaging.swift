#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker's staging folder (`.declass-staging/<worker>` in the output folder), held open: the worker
/// creates its staged outputs in it relative to the open folder (unnamed where it can, `SweepUnnamedFiles`),
/// and the committer places them from it the same way. A folder per worker, because creating a file and renaming one out lock the folder:
/// in one shared folder the workers' creates and the committer's renames queued on that one lock (a
/// 2-job sweep of 250,000 cables spent much of its kernel time spinning on it).
final class SweepStaging: Sendable {
    /// The folder's path.
    let path: String
    /// The open folder (closed when the last result staged in it is gone).
    let fd: Int32
    /// Unnamed staged files (shared by the workers: one budget of descriptors), or nil to stage by name only.
    let unnamed: SweepUnnamedFiles?

    /// Creates (empty) and opens the staging folder `path`; its parent must exist.
    init(path: String, unnamed: SweepUnnamedFiles? = nil) throws(SweepError) {
        self.path = path
        self.unnamed = unnamed
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes a staged output (not yet visible at its place): an unnamed file kept open when it can, else
    /// one named for the input's number; with one `openat` relative to the open folder (no walk of the
    /// output folder's path per file) and one write.
    func stage(_ bytes: [UInt8], index: Int) throws(SweepError) -> SweepStaged {
        let name = "\(index).part"
        if let unnamed, let out = unnamed.open(in: fd) {
            let staged = SweepStaged(folder: self, name: name, fd: out)
            do { try SweepFiles.writeAll(out, bytes, path: staged.path) } catch {
                staged.discard()
                throw error
            }
            return staged
        }
        let out = openat(fd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(0o644))
        guard out >= 0 else { throw SweepError.cannotCreate(path: path + "/" + name, reason: String(cString: strerror(errno))) }
        defer { close(out) }
        let staged = SweepStaged(folder: self, name: name)
        do { try SweepFiles.writeAll(out, bytes, path: staged.path) } catch {
            staged.discard()
            throw error
        }
        return staged
    }
}

/// A staged output: its staging folder and its name there, or its open unnamed file (which is linked
/// under that name only when it replaces an earlier output). Placed or discarded once.
struct SweepStaged: Sendable {
    let folder: SweepStaging
    let name: String
    /// The open unnamed file, or -1 for a file staged under `name`.
    var fd: Int32 = -1

    /// The staged file's path (for messages).
    var path: String { folder.path + "/" + name }

    /// True for an unnamed staged file.
    var isUnnamed: Bool { fd >= 0 }

    /// Removes the staged file: it will not be placed.
    func discard() {
        if let unnamed = folder.unnamed, fd >= 0 { unnamed.close(fd) } else { unlinkat(folder.fd, name, 0) }
    }
}
