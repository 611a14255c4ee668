import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// `followup build`: parse, compute and render the whole site, then write what changed.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse, compute and render the whole site into Output.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var site: SiteOptions

    func run() async throws {
        _ = try site.build(options)
    }
}
