/// The languages `SyntaxHighlighter` reads. Keywords are the languages' reserved words and the
/// few literals (`true`, `nil`, `None`) readers expect coloured alike; library names are not
/// listed, as a table of them would never be complete.
extension HighlightLanguage {
    private static func words(_ text: String) -> Set<String> {
        Set(text.split(separator: " ").map(String.init))
    }

    private static let cBlockComment: [([UInt8], [UInt8])] = [(Array("/*".utf8), Array("*/".utf8))]

    static let swift = HighlightLanguage(
        keywords: words("""
        associatedtype actor any as async await break case catch class continue consume convenience default defer deinit \
        didSet do dynamic else enum extension fallthrough false fileprivate final for func get guard if import in indirect \
        init inout internal is isolated lazy let mutating nil nonisolated nonmutating open operator optional override \
        package precedencegroup private protocol public repeat required rethrows return self Self set some static struct \
        subscript super switch throw throws true try typealias unowned var weak where while willSet #if #else #elseif \
        #endif #available #unavailable #selector #keyPath #file #line #function #warning #error
        """),
        lineComments: [Array("//".utf8)], blockComments: cBlockComment, nestedComments: true,
        strings: [StringForm("\"\"\"", multiline: true), StringForm("\"")],
        nameStarts: Array("#@".utf8))

    static let ruby = HighlightLanguage(
        keywords: words("""
        BEGIN END alias and begin break case class def defined? do else elsif end ensure false for if in module next nil \
        not or redo require require_relative rescue retry return self super then true undef unless until when while yield \
        attr_accessor attr_reader attr_writer private protected public raise lambda proc puts
        """),
        lineComments: [Array("#".utf8)],
        strings: [StringForm("\"", multiline: true), StringForm("'", multiline: true), StringForm("`")],
        nameStarts: Array("@$".utf8), nameBytes: Array("?!".utf8))

    static let python = HighlightLanguage(
        keywords: words("""
        False None True and as assert async await break class continue def del elif else except finally for from global \
        if import in is lambda match case nonlocal not or pass raise return try while with yield self print
        """),
        lineComments: [Array("#".utf8)],
        strings: [StringForm("\"\"\"", multiline: true), StringForm("'''", multiline: true), StringForm("\""), StringForm("'")])

    static let javaScript = HighlightLanguage(
        keywords: words("""
        abstract any as async await boolean break case catch class const constructor continue debugger declare default \
        delete do else enum export extends false finally for from function get if implements import in instanceof \
        interface keyof let namespace new null number of private protected public readonly return set static string \
        super switch this throw true try type typeof undefined var void while with yield
        """),
        lineComments: [Array("//".utf8)], blockComments: cBlockComment,
        strings: [StringForm("\""), StringForm("'"), StringForm("`", multiline: true)],
        nameStarts: Array("$".utf8), nameBytes: Array("$".utf8))

    static let go = HighlightLanguage(
        keywords: words("""
        break case chan const continue default defer else fallthrough for func go goto if import interface map package \
        range return select struct switch type var true false nil iota
        """),
        lineComments: [Array("//".utf8)], blockComments: cBlockComment,
        strings: [StringForm("\""), StringForm("'"), StringForm("`", escapes: false, multiline: true)])

    /// No `'` strings: in Rust it opens lifetimes (`&'a str`) far more often than characters.
    static let rust = HighlightLanguage(
        keywords: words("""
        as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move \
        mut pub ref return self Self static struct super trait true type unsafe use where while Some None Ok Err
        """),
        lineComments: [Array("//".utf8)], blockComments: cBlockComment, nestedComments: true,
        strings: [StringForm("\"", multiline: true)],
        nameBytes: Array("!".utf8))

    /// C and C++ together: C++'s words are never names in C code worth colouring otherwise.
    static let c = HighlightLanguage(
        keywords: words("""
        auto break case char const continue default do double else enum extern float for goto if inline int long register \
        restrict return short signed sizeof static struct switch typedef union unsigned void volatile while bool true false \
        NULL nullptr class namespace template typename public private protected virtual override new delete this throw try \
        catch using constexpr noexcept operator friend explicit mutable static_cast const_cast dynamic_cast \
        reinterpret_cast #include #define #undef #if #ifdef #ifndef #elif #else #endif #pragma #error
        """),
        lineComments: [Array("//".utf8)], blockComments: cBlockComment,
        strings: [StringForm("\""), StringForm("'")],
        nameStarts: Array("#".utf8))

    static let shell = HighlightLanguage(
        keywords: words("""
        if then else elif fi for while until do done case esac function in return export local readonly unset set \
        echo printf cd exit source alias sudo
        """),
        lineComments: [Array("#".utf8)], commentsAfterSpace: true,
        strings: [StringForm("\"", multiline: true), StringForm("'", escapes: false, multiline: true)],
        nameStarts: Array("$".utf8), nameBytes: Array("-".utf8))

    static let markup = HighlightLanguage(mode: .markup)

    static let css = HighlightLanguage(
        keywords: words("""
        @media @import @font-face @keyframes @supports @layer @container @page @charset @namespace !important
        """),
        blockComments: cBlockComment,
        strings: [StringForm("\""), StringForm("'")],
        nameStarts: Array("@!-".utf8), nameBytes: Array("-".utf8),
        keysBeforeColon: true, keysInsideBracesOnly: true)

    static let json = HighlightLanguage(
        keywords: words("true false null"),
        strings: [StringForm("\"")],
        keysBeforeColon: true)

    static let yaml = HighlightLanguage(
        keywords: words("true false null yes no on off True False Null Yes No"),
        lineComments: [Array("#".utf8)], commentsAfterSpace: true,
        strings: [StringForm("\""), StringForm("'", escapes: false)],
        nameBytes: Array("-.".utf8),
        keysBeforeColon: true)

    static let sql = HighlightLanguage(
        keywords: words("""
        add all alter and as asc begin between by case check column commit constraint create cross database default \
        delete desc distinct drop else end exists foreign from full group having if in index inner insert into is join \
        key left like limit not null offset on or order outer primary references returning right rollback select set \
        table then transaction union unique update using values view when where with integer int text varchar boolean \
        true false count sum avg min max
        """),
        caseInsensitive: true,
        lineComments: [Array("--".utf8)], blockComments: cBlockComment,
        strings: [StringForm("'", multiline: true), StringForm("\"")])

    static let diff = HighlightLanguage(mode: .diff)
}
