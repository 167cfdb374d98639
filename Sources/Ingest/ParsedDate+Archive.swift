import Foundation
import Infrastructure

extension ParsedDate {
    /// Writes a date that may be missing into a cache record or a fingerprint: whether it is
    /// there, then its instant, offset, whether it has a time and whether it took the default zone.
    public static func archive(_ date: ParsedDate?, into writer: inout ArchiveWriter) {
        writer.bool(date != nil)
        guard let date else { return }
        writer.word(date.date.timeIntervalSince1970.bitPattern)
        writer.int(Int64(date.utcOffsetSeconds))
        writer.bool(date.hasTime)
        writer.bool(date.tookDefaultZone)
    }

    /// Reads a date written by `archive(_:into:)`.
    public static func unarchive(_ reader: inout ArchiveReader) throws(ArchiveError) -> ParsedDate? {
        guard try reader.bool() else { return nil }
        var date = ParsedDate(date: Date(timeIntervalSince1970: Double(bitPattern: try reader.word())),
                              utcOffsetSeconds: Int(try reader.int()), hasTime: try reader.bool())
        date.tookDefaultZone = try reader.bool()
        return date
    }
}
