import CArena
import CLibXML2

/// Where libxml2 allocates while one page is read: a per-thread arena (`CArena`) that the end of
/// the scope takes back whole, instead of malloc and free for every node, attribute and string of
/// the page (a fifth of an extraction's time, measured). A document made inside a scope is not
/// freed node by node either.
///
/// Nothing libxml2 made inside a scope may be used after it ends: `HTMLExtractor.extract` and
/// `Sanitizer.markdown` keep their documents local and return Swift values only.
enum XMLArena {
    /// Installs the arena's functions as libxml2's allocator and sets libxml2 up: done once, before
    /// any other libxml2 call, and followed by one parse outside any scope, so that whatever
    /// libxml2 keeps for the whole process (its per-thread state included) comes from malloc.
    static let installed: Void = {
        xmlMemSetup(broadsheet_arena_free, broadsheet_arena_malloc, broadsheet_arena_realloc, { text in
            broadsheet_arena_strdup(text)
        })
        xmlInitParser()
        let warmUp = Array("<html><body><p>x</p></body></html>".utf8)
        warmUp.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlFreeDoc(htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(HTML_PARSE_NONET.rawValue)))
            }
        }
    }()

    /// Whether the calling thread is inside a scope: a document made there is never freed by itself.
    static var isActive: Bool { broadsheet_arena_active() != 0 }

    /// Runs `body` with libxml2 allocating from this thread's arena.
    static func scope<Value>(_ body: () throws(ExtractionError) -> Value) throws(ExtractionError) -> Value {
        _ = installed
        // The thread's last error holds strings libxml2 copied: made by malloc before the scope
        // (this call creates the thread's state if it has none), and dropped before the arena goes.
        xmlResetLastError()
        broadsheet_arena_enter()
        defer {
            xmlResetLastError()
            broadsheet_arena_leave()
        }
        return try body()
    }
}
