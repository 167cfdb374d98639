import Infrastructure

/// What reading each capture of a mirror's crawls gave, kept between builds: the daily case adds a
/// crawl of a few hundred pages to tens of thousands already read, and only the new ones need
/// extracting. A reading is used again only for the same capture (file, size, time, address,
/// status, type) read with the same settings (`fingerprint`: the binary, zone and rules).
public struct CrawlCache: Sendable {
    /// The reading settings the kept readings were made with.
    public var fingerprint: UInt64
    /// Archived readings by capture key, each a part of the cache file as loaded (not copied).
    var readings: [String: ArchiveReader]

    /// An empty cache for readings made with `fingerprint`.
    public init(fingerprint: UInt64) {
        self.fingerprint = fingerprint
        readings = [:]
    }

    /// Readings kept in cache bytes, or nil when they are of another format or settings, or damaged.
    public init?(bytes: [UInt8], fingerprint: UInt64) {
        var reader = ArchiveReader(bytes)
        do throws(ArchiveError) {
            guard try reader.count() == Self.formatVersion, try reader.word() == fingerprint else { return nil }
            var readings: [String: ArchiveReader] = [:]
            let count = try reader.count()
            readings.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.string()
                readings[key] = try reader.part(length: try reader.count())
            }
            guard reader.isAtEnd else { return nil }
            self.fingerprint = fingerprint
            self.readings = readings
        } catch {
            return nil
        }
    }

    /// How many captures have a kept reading.
    public var count: Int { readings.count }

    /// The cache as bytes, its keys sorted so the same readings give the same file.
    public var bytes: [UInt8] {
        var writer = ArchiveWriter(capacity: readings.values.reduce(64) { $0 + $1.remaining.count + 96 })
        writer.count(Self.formatVersion)
        writer.word(fingerprint)
        writer.count(readings.count)
        for key in readings.keys.sorted() {
            writer.string(key)
            let part = readings[key]?.remaining ?? []
            writer.count(part.count)
            writer.append(Array(part))
        }
        return writer.bytes
    }

    static let formatVersion = 1
}
