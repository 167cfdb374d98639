import ArgumentParser
import Build
import Foundation
import Infrastructure
import Ingest
import SiteConfig

/// `broadsheet new`: a new article or page with its front matter written.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new article (dated now, in the site's zone) or page into the site's content folder.",
        discussion: """
        The file is named from the title's slug; an existing file is never replaced. It goes where a
        build reads it: Content/, or a Hugo site's content/, or a Jekyll site's _posts/ (named
        YYYY-MM-DD-slug.md).

        Examples:
          broadsheet new "Khánh thành cầu mới" --section "Thời sự" --tags "Giao thông"
          broadsheet new "About us" --page
        """
    )

    @Argument(help: "The headline.")
    var title: String

    @Option(help: "The section: a name or slug from site.yml, or a new one (its folder in the content folder).")
    var section: String?

    @Option(help: ArgumentHelp("Tags, separated by commas.", valueName: "a,b"))
    var tags: String?

    @Flag(help: "A page (about, contact): no date, never in lists or feeds.")
    var page = false

    @Option(help: "The site folder, holding Content/ and site.yml (or a Hugo or Jekyll site's own).", completion: .directory)
    var site: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: site)
        // Read as a build reads it: `site.yml`, or a Hugo or Jekyll site's own config and content folder.
        let config: SiteConfig
        do {
            config = try SiteConfig.load(BuildOptions(site: root))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        // Jekyll finds posts only in `_posts/`, by a file name that starts with their date.
        let jekyllPosts = FileManager.default.fileExists(atPath: root.appendingPathComponent(config.sitePath(ofContent: "_posts")).path)
            || config.notes.contains { $0.path == MigratedConfig.jekyllFile }
        let tagList = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // An authoring command, not a build: "now" is the clock, shown in the site's zone.
        guard let content = NewContent(title: title, section: section, tags: tagList, isPage: page,
                                       now: CivilDate(Date(), in: config.timeZone), config: config, jekyllPosts: jekyllPosts) else {
            throw ValidationError("the title gives no file name: it needs a letter or a digit")
        }
        let url = root.appendingPathComponent(content.path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it exists already" : error.localizedDescription
            FileHandle.standardError.write(Data("\(content.path): error: not written: \(reason)\n".utf8))
            throw ExitCode(2)
        }
        print(content.path)
    }
}
