import Foundation
import Infrastructure
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time into an output folder: a second build (a watcher's, a CI retry) waits
/// for the first, instead of deleting its staging folder or committing its half-written patch.
/// An advisory `flock` on `.<output>.lock` beside the output folder, released when the lock is
/// let go or the process ends.
final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock, waiting for a build that holds it.
    init(output: URL) throws(BuildError) {
        let parent = output.deletingLastPathComponent()
        let path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildError(Diagnostic(path: path, severity: .error, code: "output.lock", message: "cannot open the build lock: \(String(cString: strerror(errno)))"))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw BuildError(Diagnostic(path: path, severity: .error, code: "output.lock", message: "cannot take the build lock: \(String(cString: strerror(errno)))"))
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
