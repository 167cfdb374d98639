import ArgumentParser
@testable import broadsheet
import Foundation
import TestSupport
import XCTest

/// `--help` of every command shows examples that parse, `--version` prints the version, and the
/// shell completion scripts know the commands.
final class HelpAndCompletionTests: XCTestCase {
    /// Every command, as typed after `broadsheet`.
    static let commands = [[], ["init"], ["new"], ["build"], ["check"], ["mirror"], ["serve"], ["extract"], ["template"],
                           ["template", "render"]]

    func testEveryCommandsHelpHasExamplesThatParse() throws {
        for command in Self.commands {
            let help = try Broadsheet.run(command + ["--help"], in: FileManager.default.temporaryDirectory)
            XCTAssertEqual(help.status, 0, help.stderr)
            let examples = Self.examples(in: help.stdout)
            XCTAssertFalse(examples.isEmpty, "broadsheet \(command.joined(separator: " ")) --help has no examples:\n\(help.stdout)")
            for example in examples {
                let arguments = Self.words(example)
                XCTAssertEqual(arguments.first, "broadsheet", example)
                XCTAssertEqual(Array(arguments.dropFirst().prefix(command.count)), command, "an example of another command: \(example)")
                XCTAssertNoThrow(try broadsheet.Broadsheet.parseAsRoot(Array(arguments.dropFirst())), example)
            }
        }
    }

    func testVersionPrintsTheVersion() throws {
        let result = try Broadsheet.run(["--version"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, broadsheet.Broadsheet.version + "\n")
        XCTAssertNotNil(result.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression))
    }

    func testBashCompletionKnowsTheCommandsFoldersAndFormats() throws {
        let result = try Broadsheet.run(["--generate-completion-script", "bash"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let script = result.stdout
        for command in ["init", "new", "build", "check", "mirror", "serve", "extract", "template", "template_render"] {
            XCTAssertTrue(script.contains("_broadsheet_\(command)()"), "no completion for \(command)")
        }
        XCTAssertTrue(script.contains("'--site')\n        __broadsheet_add_completions -d"), "--site completes folders")
        XCTAssertTrue(script.contains("__broadsheet_add_completions -W 'text'$'\\n''json'$'\\n''github'"), "--format completes its values")
        for flag in ["--quiet", "--verbose"] { XCTAssertTrue(script.contains(flag), flag) }
        let bash = URL(fileURLWithPath: "/bin/bash")
        if FileManager.default.isExecutableFile(atPath: bash.path) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-completion-\(UUID().uuidString).bash")
            try Data(script.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            XCTAssertEqual(try Broadsheet.run(["-n", file.path], in: FileManager.default.temporaryDirectory, executable: bash).status, 0,
                           "the script is valid bash")
        }
    }

    func testZshAndFishCompletionScriptsAreWritten() throws {
        for shell in ["zsh", "fish"] {
            let result = try Broadsheet.run(["--generate-completion-script", shell], in: FileManager.default.temporaryDirectory)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("mirror") && result.stdout.contains("site"), shell)
        }
    }

    /// The lines below `Examples:` in a help text, up to the next blank line, without their indent.
    static func examples(in help: String) -> [String] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A command line split as a shell splits it, for the double quotes the examples use.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word: String?
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                word = word ?? ""
            } else if character == " " && !quoted {
                if let finished = word { words.append(finished) }
                word = nil
            } else {
                word = (word ?? "") + String(character)
            }
        }
        if let word { words.append(word) }
        return words
    }
}
