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
    /// for: each folder's on a core, then all of them, which meets sorted runs and is nearly linear.
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
                    let sorted = ConcurrentMap.map(groups) { Self.sorted($0.files(under: prefix), asBytes: $0.isASCII) }
                    let all = Self.sorted(Array(sorted.joined()), asBytes: groups.allSatisfy(\.isASCII))
                    state = .sorted(all)
                    return all
                }
            }
        }

        /// `files` sorted by path, as `<` orders strings. ASCII paths are compared as bytes: `<`
        /// checks on every call whether a string needs normalizing, which made comparing twice as dear.
        private static func sorted(_ files: [SourceFile], asBytes: Bool) -> [SourceFile] {
            guard asBytes else { return files.sorted { $0.path < $1.path } }
            return files.sorted { first, second in
                let precedes = first.path.utf8.withContiguousStorageIfAvailable { first in
                    second.path.utf8.withContiguousStorageIfAvailable { second in
                        let order = first.isEmpty || second.isEmpty ? 0 : memcmp(first.baseAddress!, second.baseAddress!, min(first.count, second.count))
                        return order != 0 ? order < 0 : first.count < second.count
                    }
                }
                return precedes.flatMap { $0 } ?? (first.path < second.path)
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

        /// The files, in the order found; each one's absolute path is `prefix` (the listed
        /// folder's, with a `/`) and its relative path.
        func files(under prefix: [UInt8]) -> [SourceFile] {
            var files: [SourceFile] = []
            files.reserveCapacity(ends.count)
            var start = 0
            for (index, end) in ends.enumerated() {
                let path = FileTree.joined([], paths[start..<end])
                files.append(SourceFile(path: path, sourcePath: FileTree.joined(prefix, paths[start..<end]), size: sizes[index], modified: times[index]))
                start = end
            }
            return files
        }
    }
}
