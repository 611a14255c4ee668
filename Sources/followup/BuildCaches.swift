import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// What `serve` keeps between its builds: parsed files and rendered pages.
struct BuildCaches: Sendable {
    let parsed = ParseCache()
    let rendered = RenderCache()
}
