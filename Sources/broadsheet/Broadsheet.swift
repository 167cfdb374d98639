import ArgumentParser

/// The `broadsheet` command: a thin layer over the pipeline modules, one file per subcommand.
/// Asynchronous because `serve` is; the other subcommands run as they are.
@main
struct Broadsheet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "A static-site generator for news sites.",
        // Also what `--version` prints.
        version: "0.9.0",
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, MirrorCommand.self, ServeCommand.self,
                      ExtractCommand.self, TemplateCommand.self]
    )
}
