import Support

/// sitemap.xml: every page except private applications'.
enum Sitemap {
    static func xml(paths: [String], base: String?) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            out += "  <url><loc>\(HTMLText.escape((base ?? "") + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
