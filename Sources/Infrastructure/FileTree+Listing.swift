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

        init(_ groups: [Found]) {
            outsideLinks = groups.flatMap(\.outsideLinks).sorted()
            stamp = groups.reduce(0) { $0 &+ $1.stamp }
            count = groups.reduce(0) { $0 + $1.files.count }
            sorter = Sorter(groups)
        }

        /// Every file, sorted by relative path; copies of the listing share the sorting, done once.
        public var files: [SourceFile] { sorter.files }
    }

    /// Files found folder by folder, sorted into one list the first time they are asked for: each
    /// folder's on a core, then all of them, which meets sorted runs and is nearly linear.
    private final class Sorter: Sendable {
        private enum State {
            case found([Found])
            case sorted([SourceFile])
        }

        private let state: Mutex<State>

        init(_ groups: [Found]) {
            state = Mutex(.found(groups))
        }

        var files: [SourceFile] {
            state.withLock { state in
                switch state {
                case .sorted(let files):
                    return files
                case .found(let groups):
                    var all = Found()
                    for group in ConcurrentMap.map(groups, { group in
                        var group = group
                        group.sort()
                        return group
                    }) {
                        all.add(group)
                    }
                    all.sort()
                    state = .sorted(all.files)
                    return all.files
                }
            }
        }
    }

    /// What a walk found.
    struct Found: Sendable {
        var files: [SourceFile] = []
        var outsideLinks: [String] = []
        var stamp: UInt64 = 0
        /// Whether every path is ASCII, so that byte order is the order of `<` on strings.
        var isASCII = true

        mutating func add(_ other: Found) {
            files += other.files
            outsideLinks += other.outsideLinks
            stamp &+= other.stamp
            isASCII = isASCII && other.isASCII
        }

        /// Sorts the files by path, as `<` orders strings. ASCII paths are compared as bytes: `<`
        /// checks on every call whether a string needs normalizing, which made comparing twice as dear.
        mutating func sort() {
            guard isASCII else { return files.sort { $0.path < $1.path } }
            files.sort { first, second in
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
}
