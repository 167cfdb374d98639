import CLibXML2

/// What the text measures need from one text node: its length, the white-space runs inside it, whether it
/// starts or ends with white space, and its commas.
///
/// Read from the node's bytes once and kept in its `_private` field, which libxml2 leaves to applications:
/// the body search measures nested subtrees over and over (each scored paragraph and its ancestors, each
/// cleaning test, each link), and rescanning the same text was a tenth of an extraction. The extractor
/// moves text nodes but never edits them, so a summary stays true for the node's life.
struct TextNodeSummary {
    /// UTF-16 units of non-space text (spaces as JavaScript's `\s` counts them, as `TextMeasure` does).
    var units = 0
    /// White-space runs that lie between two non-space characters of this node.
    var runsInside = 0
    /// `,` and the comma forms of other scripts (`TextMeasure.commas`).
    var commas = 0
    /// Whether the node has any non-space character.
    var hasText = false
    var startsWithSpace = false
    var endsWithSpace = false

    /// The summary of a text or CDATA node, read from its bytes the first time it is asked for.
    init(_ node: DOMNode) {
        let stored = UInt(bitPattern: node.pointee._private)
        if stored & Self.present != 0 {
            self.init(packed: stored)
            return
        }
        self.init(scanning: node.pointee.content)
        if let packed = packed { node.pointee._private = UnsafeMutableRawPointer(bitPattern: packed) }
    }

    // Bit layout of the stored form: units in bits 0-25, runs in 26-47, commas in 48-59, then the flags.
    // A node too large for it (64 MiB of text) is simply scanned each time.
    private static let present: UInt = 1 << 63
    private static let hasTextBit: UInt = 1 << 62
    private static let startsBit: UInt = 1 << 61
    private static let endsBit: UInt = 1 << 60

    private init(packed: UInt) {
        units = Int(packed & 0x3FF_FFFF)
        runsInside = Int((packed >> 26) & 0x3F_FFFF)
        commas = Int((packed >> 48) & 0xFFF)
        hasText = packed & Self.hasTextBit != 0
        startsWithSpace = packed & Self.startsBit != 0
        endsWithSpace = packed & Self.endsBit != 0
    }

    private var packed: UInt? {
        guard units < 1 << 26, runsInside < 1 << 22, commas < 1 << 12 else { return nil }
        var value = Self.present | UInt(units) | UInt(runsInside) << 26 | UInt(commas) << 48
        if hasText { value |= Self.hasTextBit }
        if startsWithSpace { value |= Self.startsBit }
        if endsWithSpace { value |= Self.endsBit }
        return value
    }

    private init(scanning content: UnsafeMutablePointer<xmlChar>?) {
        guard let content else { return }
        let bytes = UnsafePointer(content)
        var inRun = false
        var index = 0
        while true {
            let byte = bytes[index]
            if byte == 0 { break }
            if byte > 0x20, byte < 0x80 {
                // Printable ASCII, most of any text: one unit, no space, a comma only if it is `,`.
                if inRun, hasText { runsInside += 1 }
                inRun = false
                hasText = true
                units += 1
                if byte == 0x2C { commas += 1 }
                index += 1
                continue
            }
            if byte & 0xC0 == 0x80, !inRun, hasText {
                // The rest of a letter whose lead byte was counted: nothing changes.
                index += 1
                continue
            }
            if Self.isPlainLead(byte, next: bytes[index + 1]) {
                // The lead of a letter that is neither white space nor a comma (`ạ`, `đ`, `ü`): one unit.
                if inRun, hasText { runsInside += 1 }
                inRun = false
                hasText = true
                units += 1
                index += 1
                continue
            }
            let width = TextMeasure.spaceWidth(bytes, index)
            if width > 0 {
                if index == 0 { startsWithSpace = true }
                inRun = true
                index += width
                continue
            }
            if inRun, hasText { runsInside += 1 }
            inRun = false
            hasText = true
            // A UTF-8 lead byte starts one UTF-16 unit, or two for the four-byte (astral) forms.
            if byte < 0x80 || byte >= 0xC0 { units += byte >= 0xF0 ? 2 : 1 }
            if Self.isComma(bytes, index) { commas += 1 }
            index += 1
        }
        endsWithSpace = inRun
    }

    /// A lead byte of a two- or three-byte character that no white space or comma form starts with
    /// (those start with 0xC2, 0xD8, 0xE1 0x9A, 0xE2, 0xE3 or 0xEF).
    @inline(__always)
    private static func isPlainLead(_ byte: UInt8, next: UInt8) -> Bool {
        switch byte {
        case 0xC3...0xD7, 0xD9...0xDF, 0xE0, 0xE4...0xEE: return true
        case 0xE1: return next != 0x9A
        default: return false
        }
    }

    /// `,` (U+002C), `،` (U+060C) and U+FE50, U+FE10, U+FE11, U+2E41, U+2E34, U+2E32, U+FF0C at `index`.
    @inline(__always)
    private static func isComma(_ bytes: UnsafePointer<UInt8>, _ index: Int) -> Bool {
        switch bytes[index] {
        case 0x2C: return true
        case 0xD8: return bytes[index + 1] == 0x8C
        case 0xEF, 0xE2:
            let second = bytes[index + 1]
            guard second != 0 else { return false }
            let pair = (UInt16(second) << 8) | UInt16(bytes[index + 2])
            return bytes[index] == 0xEF ? pair == 0xB990 || pair == 0xB890 || pair == 0xB891 || pair == 0xBC8C
                : pair == 0xB981 || pair == 0xB8B4 || pair == 0xB8B2
        default: return false
        }
    }
}
