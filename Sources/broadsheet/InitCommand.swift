import ArgumentParser
import Build
import Foundation

/// `broadsheet init`: a new site folder that builds at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: site.yml with every key explained, three example articles and a page.",
        discussion: """
        Writes only into a folder that does not exist or is empty.

        Examples:
          broadsheet init my-paper
          broadsheet init my-paper --lang en
        """
    )

    @Argument(help: "The folder of the new site.", completion: .directory)
    var folder: String = "."

    @Option(help: ArgumentHelp("The language of the site and its examples.", valueName: "vi|en"), completion: .list(SiteScaffold.languages))
    var lang: String = "vi"

    func validate() throws {
        guard SiteScaffold.languages.contains(lang) else { throw ValidationError("--lang must be one of: \(SiteScaffold.languages.joined(separator: ", "))") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: root.path), !entries.isEmpty {
            FileHandle.standardError.write(Data("\(folder): error: the folder is not empty; init writes only into a new or empty folder\n".utf8))
            throw ExitCode(2)
        }
        do {
            for file in SiteScaffold.files(language: lang) {
                let url = root.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            FileHandle.standardError.write(Data("\(folder): error: cannot write the site: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let enter = folder == "." ? "" : "  cd \(folder)\n"
        print("""
        Created a site in \(folder): site.yml, three articles and a page in Content/.
        Next:
        \(enter)  broadsheet serve                      # preview at http://127.0.0.1:1313/, rebuilt on every save
          broadsheet new "A headline" --section \(lang == "en" ? "news" : "thoi-su")
          broadsheet build                      # the site into Output/
        """)
    }
}
