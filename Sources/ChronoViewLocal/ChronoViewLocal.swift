import ArgumentParser

/// `chronoview-local`: runs ChronoView's Lambda functions on this machine, as Lambda runs them.
@main
struct ChronoViewLocal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronoview-local",
        abstract: "Run ChronoView's Lambda functions on this machine, as Lambda runs them.",
        subcommands: [InvokeCommand.self, ServeCommand.self]
    )
}
