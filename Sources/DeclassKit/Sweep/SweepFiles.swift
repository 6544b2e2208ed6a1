#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The file operations of a sweep: outputs staged in a hidden folder of the output folder (a folder per
/// worker, `SweepStaging`; unnamed files where the file system has them, `SweepUnnamedFiles`) and placed
/// when their audit entries are in the log (`SweepPlacer`), the folder's lock, and syncing.
enum SweepFiles {
    /// The hidden folder, inside the output folder, that holds staged outputs (removed at the start of
    /// every run, so an interrupted run's leftovers never count).
    static let stagingName = ".declass-staging"
    /// The lock file that keeps two sweeps out of one output folder.
    static let lockName = ".declass-sweep.lock"

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SweepError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SweepError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
    }

    /// Flushes the file system holding `folder` to disk (`syncfs`, once per batch rather than one `fsync`
    /// per output; looked up at run time, as Glibc's module map leaves it out; `sync` where it is missing).
    static func sync(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if let syncfs = syncfsFunction { _ = syncfs(fd) } else { Glibc.sync() }
    }

    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Takes the output folder's lock for the whole sweep (released when the returned descriptor closes).
    static func lock(_ outDir: String) throws(SweepError) -> Int32 {
        let path = outDir + "/" + lockName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o644))
        guard fd >= 0 else { throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw SweepError.busy(path: outDir)
        }
        return fd
    }

    /// Empties (creating) the staging folder and makes a folder in it for each of `workers`, opened; with
    /// `unnamed`, they stage unnamed files where the file system has them (`SweepUnnamedFiles`).
    static func resetStaging(_ staging: String, workers: Int, unnamed: Bool = true) throws(SweepError) -> [SweepStaging] {
        try? FileManager.default.removeItem(atPath: staging)
        do { try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true) } catch {
            throw SweepError.cannotCreate(path: staging, reason: "\(error)")
        }
        var files: SweepUnnamedFiles?
        if unnamed {
            let fd = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                files = SweepUnnamedFiles.probe(fd)
                close(fd)
            }
        }
        var folders: [SweepStaging] = []
        for w in 0..<workers { folders.append(try SweepStaging(path: staging + "/\(w)", unnamed: files)) }
        return folders
    }
}
