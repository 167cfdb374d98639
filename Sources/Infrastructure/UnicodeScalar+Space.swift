extension Unicode.Scalar {
    /// Unicode white space (the `White_Space` property), answered without the property tables for
    /// ASCII: the table look-up was the top single cost of an extraction when every trim and blank test
    /// went through it, and slugs and srcsets are split at it too.
    @inlinable
    public var isSpace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
