/// What the gzip members of a .warc.gz inflate to, in order, for the one pass that indexes it.
///
/// wget and Heritrix write one member per record, so a record's payload is read again by
/// inflating its member alone. Such members are inflated whole with libdeflate (`MemberInflater`);
/// a member it cannot take is read through a zlib stream. A file that is one gzip stream of many records has no such places
/// to start from, so here a checkpoint is also kept at a deflate block boundary every
/// `checkpointSpacing` inflated bytes (zlib's `examples/zran.c`): reading a payload again then
/// inflates at most that much it does not need, instead of the whole file before it.
struct GzipRecordSource: RecordSource {
    /// 1 MiB: a checkpoint keeps a 32 KiB window (3% of the data it covers, and only while a
    /// record refers to it), and reading a payload inflates at most this much before it.
    static let checkpointSpacing = 1 << 20

    /// 4 MiB: the most a member inflated whole may make. Past it (a video, a file that is one
    /// gzip stream) the zlib stream reads the member and keeps checkpoints inside it, so that
    /// reading a payload again never inflates more than this, or `checkpointSpacing`, before it.
    static let wholeLimit = 4 << 20
    /// The compressed bytes first handed to libdeflate (more when the member runs past them).
    private static let wholeWindow = 64 * 1024

    private var input: GzipInput
    private let inflater: Inflater
    private let members: MemberInflater?
    /// The member inflated whole that is being read: its size, and how much of it was read.
    private var whole: (count: Int, taken: Int)?
    private var position = 0
    private var inMember = false
    private var memberOffset = 0
    private var sinceCheckpoint = 0
    /// The latest checkpoint at or before the oldest byte that may still be asked for, and any
    /// after it.
    private var checkpoints: [InflateCheckpoint] = []
    private var ended = false
    private(set) var failure: (offset: Int, message: String)?

    /// Where the data ends: the offset of a member this source does not read (another part of
    /// the file's scan reads from there).
    private let end: Int
    /// The offset of the first member read.
    private let start: Int

    /// Reads the members of `file` from the one at `start` (0: the file's start) to the one at
    /// `end` (exclusive); nil when zlib cannot allocate a stream.
    init?(file: WARCFile, start: Int = 0, end: Int = .max) {
        guard let inflater = Inflater(.gzip) else { return nil }
        self.inflater = inflater
        members = MemberInflater()
        (self.start, self.end) = (start, end)
        input = GzipInput(file: file, offset: start, capacity: 1 << 20)
        memberOffset = start
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard !buffer.isEmpty else { return 0 }
        var produced = 0
        while produced == 0 && !ended {
            guard inMember else {
                startMember()
                continue
            }
            if whole != nil {
                produced = takeWhole(buffer.count, into: buffer.baseAddress)
                continue
            }
            // Even with no input left, zlib may still have output to give (the rest of a match).
            let hasInput = input.refill()
            let output = UnsafeMutableRawBufferPointer(rebasing: buffer[produced...])
            let inflater = inflater
            let step = input.withAvailable { inflater.inflate($0, into: output, stopAtBlocks: true) }
            input.advance(step.consumed)
            produced += step.produced
            position += step.produced
            sinceCheckpoint += step.produced
            switch step.outcome {
            case .streamEnd:
                inMember = false
            case .blockBoundary(let bits) where sinceCheckpoint >= Self.checkpointSpacing:
                // The byte holding a block's unread bits is read again when resuming.
                let checkpoint = InflateCheckpoint(
                    input: input.offset - (bits > 0 ? 1 : 0), bits: bits, output: position, window: inflater.window, isMemberStart: false)
                checkpoints.append(checkpoint)
                sinceCheckpoint = 0
            case .failed(let message):
                fail(at: memberOffset, "corrupt gzip data: \(message); the rest of the file is not read")
            case .more, .blockBoundary:
                if step.consumed == 0 && step.produced == 0 {
                    fail(at: memberOffset, hasInput ? "the gzip data makes no progress" : "the gzip member is cut off")
                }
            }
        }
        return produced
    }

    /// Begins the next member, or ends the data where there is none.
    private mutating func startMember() {
        let magic = input.offset >= end ? [] : input.peek(2)
        if magic.isEmpty {
            ended = true
        } else if !magic.elementsEqual([0x1F, 0x8B]) {
            fail(at: input.offset, "bytes after the last gzip member are not gzip data")
        } else {
            memberOffset = input.offset
            checkpoints.append(.memberStart(input: memberOffset, output: position))
            sinceCheckpoint = 0
            if let produced = inflateWhole() {
                whole = (produced, 0)
                inMember = true
            } else if inflater.reset(.gzip) {
                inMember = true
            } else {
                fail(at: input.offset, "zlib could not reset its stream")
            }
        }
    }

    /// The member at the input inflated whole, its size; nil when it is for the zlib stream.
    private mutating func inflateWhole() -> Int? {
        guard let members else { return nil }
        var wanted = Self.wholeWindow
        while true {
            var available = 0
            let outcome = input.withAvailable(atLeast: wanted) { bytes in
                available = bytes.count
                return members.inflate(bytes, limit: Self.wholeLimit)
            }
            switch outcome {
            case .inflated(let consumed, let produced):
                input.advance(consumed)
                return produced
            case .tooLarge:
                return nil
            case .needsInput:
                // The rest of the file was there (the member is cut off or corrupt: the zlib
                // stream says which), or the member would be larger than any taken whole.
                guard available >= wanted, wanted < Self.wholeLimit else { return nil }
                wanted = min(available * 4, Self.wholeLimit)
            }
        }
    }

    /// Copies (or, with no destination, passes over) up to `count` bytes of the member inflated
    /// whole; returns how many.
    private mutating func takeWhole(_ count: Int, into destination: UnsafeMutableRawPointer?) -> Int {
        guard let member = whole, let members else { return 0 }
        let step = min(count, member.count - member.taken)
        if let destination, step > 0 {
            destination.copyMemory(from: members.output(member.count).baseAddress! + member.taken, byteCount: step)
        }
        position += step
        if member.taken + step == member.count {
            whole = nil
            inMember = false
        } else {
            whole = (member.count, member.taken + step)
        }
        return step
    }

    private mutating func fail(at offset: Int, _ message: String) {
        failure = (offset, message)
        ended = true
    }

    mutating func skip(_ count: Int) -> Int {
        var scratch: [UInt8] = []
        var left = count
        while left > 0 && !ended {
            let read: Int
            if inMember && whole != nil {
                read = takeWhole(left, into: nil)
            } else {
                if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: 64 * 1024) }
                read = scratch.withUnsafeMutableBytes { self.read(into: UnsafeMutableRawBufferPointer(rebasing: $0.prefix(left))) }
            }
            guard read > 0 || !inMember else { break }
            left -= read
            // A gzip bomb passed over here must not leave a window per MiB behind.
            release(upTo: position)
        }
        return count - left
    }

    func point(at position: Int) -> StreamPoint {
        let checkpoint = checkpoint(before: position)
        return StreamPoint(checkpoint: checkpoint, distance: position - checkpoint.output)
    }

    func recordOffset(at position: Int) -> Int {
        let checkpoint = checkpoint(before: position)
        return checkpoint.isMemberStart && checkpoint.output == position ? checkpoint.input : position
    }

    /// The last checkpoint at or before `position` (the first member read when none is kept yet).
    private func checkpoint(before position: Int) -> InflateCheckpoint {
        checkpoints.last { $0.output <= position } ?? .memberStart(input: start, output: 0)
    }

    mutating func release(upTo position: Int) {
        if let last = checkpoints.lastIndex(where: { $0.output <= position }), last > 0 { checkpoints.removeFirst(last) }
    }
}
