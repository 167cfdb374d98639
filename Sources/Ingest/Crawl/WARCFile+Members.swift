extension WARCFile {
    /// Offsets at which a scan of this .warc.gz can be split so that each part is read on its own
    /// core: the first gzip member at or after each `1/parts` of the file that starts a record.
    /// wget and Heritrix write one member per record, so such members are everywhere; a file that
    /// is one gzip stream has none after its start, and is read in one part. Always starts with 0.
    func recordMemberStarts(parts: Int) -> [Int] {
        var starts = [0]
        for part in 1..<max(parts, 1) {
            guard let found = firstRecordMember(from: size * part / parts), found > starts.last! else { continue }
            starts.append(found)
        }
        return starts
    }

    /// How far past a split point a record's member is looked for: a record larger than this
    /// (a video) only moves the split to a later point or removes it.
    private static let searchSpan = 8 << 20

    /// The first offset from `offset` on where a gzip member begins whose data begins `WARC/`.
    private func firstRecordMember(from offset: Int) -> Int? {
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var base = offset
        while base < min(size, offset + Self.searchSpan) {
            let count = window.withUnsafeMutableBytes { read(into: $0, at: base) }
            guard count >= 3 else { return nil }
            for index in 0..<(count - 2) where window[index] == 0x1F && window[index + 1] == 0x8B && window[index + 2] == 0x08 {
                if startsRecord(at: base + index) { return base + index }
            }
            base += count - 2
        }
        return nil
    }

    /// Whether the gzip member that seems to begin at `offset` inflates to `WARC/`.
    private func startsRecord(at offset: Int) -> Bool {
        guard let inflater = Inflater(.gzip) else { return false }
        var input = [UInt8](repeating: 0, count: 4096)
        let count = input.withUnsafeMutableBytes { read(into: $0, at: offset) }
        var output = [UInt8](repeating: 0, count: 5)
        let step = input.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { inflater.inflate(UnsafeRawBufferPointer(rebasing: input.prefix(count)), into: $0, stopAtBlocks: false) }
        }
        if case .failed = step.outcome { return false }
        return step.produced == 5 && output.elementsEqual("WARC/".utf8)
    }
}
