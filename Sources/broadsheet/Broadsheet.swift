import ArgumentParser

/// The `broadsheet` command: a thin layer over the pipeline modules, one file per subcommand.
@main
struct Broadsheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "A static-site generator for news sites.",
        subcommands: [BuildCommand.self, CheckCommand.self, ExtractCommand.self, TemplateCommand.self]
    )
}
