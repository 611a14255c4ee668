// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Followup",
    products: [
        .executable(name: "followup", targets: ["followup"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        // CSV reading for `followup import` (RFC 4180, any one-scalar separator, exact row numbers).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // cmark-gfm, the system C library (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Support"]),
        // Small pieces every module shares: diagnostics, slugs, folder listing, the parallel map.
        .target(name: "Support"),
        .target(name: "Journal", dependencies: ["Support", "Markdown", .product(name: "Yams", package: "Yams")]),
        .target(name: "Analytics", dependencies: ["Journal"]),
        .target(
            name: "Site",
            dependencies: ["Journal", "Analytics", "Markdown", "Templates"]
        ),
        // Mustache templates compiled for speed; swift-mustache stays as the reference its tests compare with.
        .target(name: "Templates", dependencies: ["Support"]),
        .target(name: "Serve", dependencies: ["Support", .product(name: "FlyingFox", package: "FlyingFox")]),
        // `followup import`: spreadsheets, trackers' exports and LinkedIn's archive into a journal file.
        .target(name: "Import", dependencies: ["Journal", .product(name: "CSV", package: "CSV.swift")]),
        // `followup mail`: events suggested from a local mailbox (mbox, Maildir, .eml), offline.
        .target(name: "Mail", dependencies: ["Support", "Journal", "Analytics"]),
        .executableTarget(
            name: "followup",
            dependencies: [
                "Journal", "Analytics", "Site", "Serve", "Import", "Mail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "followup-embed-theme"),
        .target(name: "Corpus"),
        .executableTarget(name: "followup-bench", dependencies: ["Markdown", "Corpus", "Serve"]),
        // Helpers the test targets share: temporary folders, fixture paths, running the binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Support"]),
        .testTarget(name: "JournalTests", dependencies: ["TestSupport", "Journal", "Corpus"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["TestSupport", "Analytics", "Journal", "Corpus"]),
        .testTarget(
            name: "TemplatesTests",
            dependencies: ["Templates", "Corpus", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "SiteTests",
            dependencies: [
                "TestSupport",
                "Site", "Analytics", "Journal", "Templates", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "ServeTests", dependencies: ["TestSupport", "Serve", "Support"]),
        .testTarget(name: "MailTests", dependencies: ["TestSupport", "Mail", "Journal", "Analytics", "Corpus"]),
        .testTarget(name: "ImportTests", dependencies: ["TestSupport", "Import", "Journal", "Analytics", "Site", "Corpus"]),
        .testTarget(name: "FollowupTests", dependencies: ["TestSupport", "followup"]),
    ]
)
