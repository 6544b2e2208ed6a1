#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker's staging folder (`.declass-staging/<worker>` in the output folder), held open: the worker
/// creates its staged outputs in it by name relative to the open folder, and the committer renames them
/// out the same way. A folder per worker, because creating a file and renaming one out lock the folder:
/// in one shared folder the workers' creates and the committer's renames queued on that one lock (a
/// 2-job sweep of 250,000 cables spent much of its kernel time spinning on it).
final class SweepStaging: Sendable {
    /// The folder's path.
    let path: String
    /// The open folder (closed when the last result staged in it is gone).
    let fd: Int32

    /// Creates (empty) and opens the staging folder `path`; its parent must exist.
    init(path: String) throws(SweepError) {
        self.path = path
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes a staged output (not yet visible at its place) named for the input's number, with one
    /// `openat` relative to the open folder (no walk of the output folder's path per file) and one write.
    func stage(_ bytes: [UInt8], index: Int) throws(SweepError) -> SweepStaged {
        let name = "\(index).part"
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

/// A staged output: its staging folder and its name there.
struct SweepStaged: Sendable {
    let folder: SweepStaging
    let name: String

    /// The staged file's path (for messages).
    var path: String { folder.path + "/" + name }

    /// Removes the staged file: it will not be placed.
    func discard() {
        unlinkat(folder.fd, name, 0)
    }
}
