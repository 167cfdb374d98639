import Foundation
import FuzzDriver
import Ingest

/// The file the reader is handed: `WARCArchive` reads a path with `pread`, so each input is
/// written to memory-backed storage first.
private let scratch = "/dev/shm/broadsheet-warc-fuzz-\(getpid()).warc"

/// A WARC file, plain or gzipped: indexed (records, revisits resolved, problems listed), then
/// every record's payload read with its chunked and content encodings undone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: count)) else { return 0 }
    defer { unlink(scratch) }
    guard let archive = try? WARCArchive(contentsOf: scratch) else { return 0 }
    for record in archive.records {
        _ = try? archive.payload(of: record)
    }
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("WARCFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
