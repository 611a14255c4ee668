import ArgumentParser
import Foundation

/// The `followup` command: a thin layer of argument parsing over the Journal, Analytics and Site libraries.
@main
struct Followup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Turn a Markdown job-search journal into a personal dashboard.",
        version: "0.1.0",
        subcommands: [
            Check.self, Stats.self, Build.self, ServeCommand.self, New.self, Add.self, Report.self, ImportCommand.self,
            MailCommand.self,
            Init.self,
        ]
    )
}
