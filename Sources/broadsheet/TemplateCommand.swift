import ArgumentParser
import Foundation
import Templating

/// `broadsheet template`: tools for theme authors.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Work with Mustache templates.",
        discussion: """
        Examples:
          broadsheet template render t.mustache --data d.json --partials Templates
        """,
        subcommands: [TemplateRenderCommand.self]
    )
}

/// `broadsheet template render TEMPLATE --data FILE.json [--partials DIR]`: renders one template
/// with JSON data and prints exactly the result, so a theme can be tried without a site.
struct TemplateRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a template with JSON data and print the result exactly (no newline added).",
        discussion: """
            Partials and parents are the .mustache files under --partials, named by their path \
            without the extension ({{> partials/header}} is DIR/partials/header.mustache). Unknown \
            partials and parents render empty and are reported on standard error. A template that \
            does not compile is reported as FILE:LINE:COLUMN and the command exits with status 2.

            Examples:
              broadsheet template render t.mustache --data d.json --partials Templates
            """
    )

    @Argument(help: "The template file to render.", completion: .file(extensions: ["mustache"]))
    var template: String

    @Option(help: "A JSON file holding the data (an object at the top).", completion: .file(extensions: ["json"]))
    var data: String

    @Option(help: "A folder of partials, read recursively.", completion: .directory)
    var partials: String?

    func run() throws {
        var sources = [template: try read(template)]
        var files = [template: template]
        if let partials {
            for (name, path) in try partialFiles(in: partials) {
                sources[name] = try read(path)
                files[name] = path
            }
        }
        let context: TemplateValue
        do {
            context = try JSONDecoder().decode(TemplateValue.self, from: Data(try read(data).utf8))
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail("\(data) is not valid JSON: \(error)")
        }

        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(sources: sources)
        } catch {
            var located = error
            located.templateName = files[error.templateName] ?? error.templateName
            printError(located.description)
            throw ExitCode(2)
        }
        var output: [UInt8] = []
        var report = RenderReport()
        library.render(template, context, into: &output, report: &report)
        FileHandle.standardOutput.write(Data(output))
        for var issue in report.issues where issue.kind != .missingVariable && issue.kind != .missingSection {
            issue.templateName = files[issue.templateName] ?? issue.templateName
            printError("warning: \(issue)")
        }
    }

    /// Template name (relative path without `.mustache`) → file path, for every file under `folder`.
    private func partialFiles(in folder: String) throws -> [(String, String)] {
        guard let paths = FileManager.default.enumerator(atPath: folder) else {
            throw fail("cannot read partials folder \(folder)")
        }
        return paths.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.sorted().map { path in
            (String(path.dropLast(".mustache".count)), folder.hasSuffix("/") ? folder + path : folder + "/" + path)
        }
    }

    private func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw fail("cannot read \(path): \(error.localizedDescription)")
        }
    }

    private func fail(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(2)
    }
}
