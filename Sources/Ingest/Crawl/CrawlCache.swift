import Foundation
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

    /// Readings kept in a cache file's bytes, or nil when they are of another format or settings,
    /// or damaged.
    public init?(_ archive: ArchiveReader, fingerprint: UInt64) {
        var reader = archive
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

    /// Writes the readings of a crawl to `path` for the next build, each capture's kept reading
    /// as it was loaded or, for a capture read now, archived one at a time: holding the archive of
    /// every body at once beside the bodies themselves took a 10,000-article mirror from 455 to
    /// 692 MiB. Nothing is written when the file cannot be.
    public static func write(_ crawl: CrawlReader.Result, kept: CrawlCache?, fingerprint: UInt64, to path: String) {
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let file = FileHandle(forWritingAtPath: temporary) else { return }
        var buffer = ArchiveWriter(capacity: 1 << 20)
        buffer.count(formatVersion)
        buffer.word(fingerprint)
        buffer.count(crawl.pages.count + crawl.images.count)
        func add(_ key: String, _ read: @autoclosure () -> CrawlReader.Read) {
            buffer.string(key)
            if let archived = kept?.readings[key] {
                buffer.count(archived.remainingCount)
                buffer.append(archived.remaining)
            } else {
                var part = ArchiveWriter(capacity: 4096)
                CrawlReader.archive(read(), into: &part)
                buffer.count(part.bytes.count)
                buffer.append(part.bytes)
            }
            if buffer.bytes.count >= 1 << 20 {
                file.write(Data(buffer.bytes))
                buffer = ArchiveWriter(capacity: 1 << 20)
            }
        }
        for page in crawl.pages { add(page.entry.cacheKey, .page(page)) }
        for image in crawl.images { add(image.entry.cacheKey, .image(image)) }
        file.write(Data(buffer.bytes))
        try? file.close()
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    static let formatVersion = 3
}
