/// Starts libFuzzer from a fuzz target's entry point.
///
/// SwiftPM links an executable with `--defsym main=<Target>_main` (so tests can import it), and
/// under `-parse-as-library` no such symbol exists, so the link fails (swiftlang/swift#75800).
/// Each target therefore defines `<Target>_main` itself and hands libFuzzer its input function
/// through `LLVMFuzzerRunDriver`, which libFuzzer provides for exactly this.
public enum FuzzDriver {
    /// One input: bytes and their count; returns 0.
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer with the process's arguments on `target`.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ target: Target) -> Int32 {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, target)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ callback: FuzzDriver.Target) -> Int32
