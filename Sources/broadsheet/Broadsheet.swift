import ArgumentParser

/// The `broadsheet` command: a thin layer over the pipeline modules, one file per subcommand.
/// Asynchronous because `serve` is; the other subcommands run as they are.
@main
struct Broadsheet: AsyncParsableCommand {
    /// The version of Broadsheet, written in this one place: what `--version` prints.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "A static-site generator for news sites.",
        discussion: """
        Every command takes --help. Shell completions: broadsheet --generate-completion-script bash \
        (or zsh, fish); see README.md.

        Examples:
          broadsheet init my-paper
          broadsheet serve --site my-paper
          broadsheet build --site my-paper --quiet
        """,
        version: version,
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, MirrorCommand.self, ServeCommand.self,
                      ExtractCommand.self, TemplateCommand.self]
    )
}
