/// "1 application", "3 applications": a count with its noun in the right number, for pages and
/// for the terminal alike.
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
}
