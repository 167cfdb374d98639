import Synchronization
import Templating

/// Swift closures for the spec's lambdas, which the spec gives as code in several dynamic
/// languages; each does what those do, keyed by test name.
enum SpecLambdas {
    /// A call counter a `Sendable` closure can share ("Interpolation - Multiple Calls").
    private final class Counter: Sendable {
        private let calls = Mutex(0)

        func next() -> Int {
            calls.withLock { calls in
                calls += 1
                return calls
            }
        }
    }

    /// Fresh closures (and a fresh counter) for one run of `~lambdas.json`.
    static func byTestName() -> [String: TemplateLambda] {
        let counter = Counter()
        return [
            "Interpolation": TemplateLambda { _ in "world" },
            "Interpolation - Expansion": TemplateLambda { _ in "{{planet}}" },
            "Interpolation - Alternate Delimiters": TemplateLambda { _ in "|planet| => {{planet}}" },
            "Interpolation - Multiple Calls": TemplateLambda { _ in String(counter.next()) },
            "Escaping": TemplateLambda { _ in ">" },
            "Section": TemplateLambda { text in text == "{{x}}" ? "yes" : "no" },
            "Section - Expansion": TemplateLambda { text in text + "{{planet}}" + text },
            "Section - Alternate Delimiters": TemplateLambda { text in text + "{{planet}} => |planet|" + text },
            "Section - Multiple Calls": TemplateLambda { text in "__" + text + "__" },
            // The spec's lambdas return false here; a truthy lambda must keep the section from rendering.
            "Inverted Section": TemplateLambda { _ in "" },
        ]
    }
}
