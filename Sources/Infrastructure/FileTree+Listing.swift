import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension FileTree {
    /// What `listing` found below a folder: its stamp at once, its files in order when first asked
    /// for. A build with nothing to do needs only the stamp, and sorting ten thousand paths as they
    /// were listed was a quarter of what it computed.
    public struct Listing: Sendable {
        /// Symbolic links left out because they lead outside the site, by relative path.
        public let outsideLinks: [String]
        /// A stamp of every file's path, size and change time: the wrapping sum of a hash of each,
        /// so that the workers add up what they find in any order.
        public let stamp: UInt64
        /// How many files were found.
        public let count: Int
        private let sorter: Sorter

        init(_ groups: [Found], under base: String) {
            outsideLinks = groups.flatMap(\.outsideLinks).sorted()
            stamp = groups.reduce(0) { $0 &+ $1.stamp }
            count = groups.reduce(0) { $0 + $1.count }
            sorter = Sorter(groups, under: base)
        }

        /// Every file, sorted by relative path; copies of the listing share the sorting, done once.
        public var files: [SourceFile] { sorter.files }
    }

    /// Files found folder by folder, made and sorted into one list the first time they are asked
    /// for: each folder's on a core, then, if where they meet is out of order, all of them.
    private final class Sorter: Sendable {
        private enum State {
            case found([Found], base: String)
            case sorted([SourceFile])
        }

        private let state: Mutex<State>

        init(_ groups: [Found], under base: String) {
            state = Mutex(.found(groups, base: base))
        }

        var files: [SourceFile] {
            state.withLock { state in
                switch state {
                case .sorted(let files):
                    return files
                case .found(let groups, let base):
                    let prefix = Array((base + "/").utf8)
                    var all = Array(ConcurrentMap.map(groups) { $0.sortedFiles(under: prefix) }.joined())
                    // Folders come in order of name, so their files usually are in order already:
                    // then where two folders' files meet is all there is to check.
                    let starts = groups.dropLast().reduce(into: [0]) { $0.append($0.last! + $1.count) }.dropFirst()
                    if starts.contains(where: { $0 > 0 && $0 < all.count && all[$0].path < all[$0 - 1].path }) {
                        all.sort { $0.path < $1.path }
                    }
                    state = .sorted(all)
                    return all
                }
            }
        }
    }

    /// What a walk found: each file's path relative to the listed folder as bytes, one after
    /// another, with its size and time. No string is made until the files are asked for: a build
    /// with nothing to do made, and then freed, two for each of ten thousand files.
    struct Found: Sendable {
        /// The paths' bytes; `ends` says where each stops.
        private var paths: [UInt8] = []
        private var ends: [Int] = []
        private var sizes: [Int] = []
        private var times: [Int64] = []
        var outsideLinks: [String] = []
        /// The wrapping sum of each file's hash (see `Listing.stamp`).
        private(set) var stamp: UInt64 = 0
        /// Whether every path is ASCII, so that byte order is the order of `<` on strings.
        var isASCII = true

        /// How many files were found.
        var count: Int { ends.count }

        /// Adds a file: its folder's path (ending with `/`, or empty) and its name.
        mutating func append(_ prefix: [UInt8], _ name: UnsafeRawBufferPointer, size: Int, modified: Int64) {
            let start = paths.count
            paths.append(contentsOf: prefix)
            paths.append(contentsOf: name)
            ends.append(paths.count)
            sizes.append(size)
            times.append(modified)
            if isASCII && name.contains(where: { $0 >= 0x80 }) { isASCII = false }
            var hasher = StableHasher()
            hasher.combine(paths[start...])
            hasher.combine(CollectionOfOne(0xFF))
            hasher.combine(UInt64(bitPattern: Int64(size)))
            hasher.combine(UInt64(bitPattern: modified))
            stamp &+= hasher.value
        }

        /// The files in order of path, as `<` orders strings; each one's absolute path is `prefix`
        /// (the listed folder's, with a `/`) and its relative path. ASCII paths, whose bytes are in
        /// that order, are sorted before any string is made: sorted as strings, moving each file and
        /// comparing with `<` (which checks on every call whether a string needs normalizing) was a
        /// tenth of what a one-article edit computed.
        func sortedFiles(under prefix: [UInt8]) -> [SourceFile] {
            guard isASCII else { return files(under: prefix, at: Array(ends.indices)).sorted { $0.path < $1.path } }
            let order = paths.withUnsafeBufferPointer { bytes in
                ends.indices.sorted { first, second in
                    let (firstStart, secondStart) = (start(of: first), start(of: second))
                    let (firstCount, secondCount) = (ends[first] - firstStart, ends[second] - secondStart)
                    let order = memcmp(bytes.baseAddress! + firstStart, bytes.baseAddress! + secondStart, min(firstCount, secondCount))
                    return order != 0 ? order < 0 : firstCount < secondCount
                }
            }
            return files(under: prefix, at: order)
        }

        /// Where the path of the file at `index` starts in `paths`.
        private func start(of index: Int) -> Int {
            index == 0 ? 0 : ends[index - 1]
        }

        /// The files at `indexes`, in that order.
        private func files(under prefix: [UInt8], at indexes: [Int]) -> [SourceFile] {
            indexes.map { index in
                let path = paths[start(of: index)..<ends[index]]
                return SourceFile(path: FileTree.joined([], path), sourcePath: FileTree.joined(prefix, path), size: sizes[index], modified: times[index])
            }
        }
    }
}
