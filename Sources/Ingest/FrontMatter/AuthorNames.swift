import Foundation

/// The people an author string names: `"An and Bình"`, `"An, Bình"`, `"An và Bình"`, `"An & Bình"`
/// are two authors, as a byline written by hand means them.
enum AuthorNames {
    /// Each name of `text`, trimmed, in the order written; separators are `,`, `;` and the words
    /// `and`, `&` and `và` between spaces (so `Andrew` and `Vân` stay whole).
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var words: [Substring] = []
            for word in part.split(whereSeparator: \.isWhitespace) {
                if word == "and" || word == "&" || word == "và" {
                    if !words.isEmpty { names.append(words.joined(separator: " ")) }
                    words = []
                } else {
                    words.append(word)
                }
            }
            if !words.isEmpty { names.append(words.joined(separator: " ")) }
        }
        return names
    }
}
