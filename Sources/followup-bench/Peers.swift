import Foundation

/// The import and mail peers: a 10,000-row CSV and a 10,000-message mbox, and Python scripts of our
/// own that do the same work with the standard library (`csv`, `mailbox` and `email`).
enum Peers {
    /// A spreadsheet of `rows` applications in both date shapes, with statuses and notes.
    static func csv(rows: Int) -> String {
        var out = "Company,Role,Applied,Status,Response Date,Source,Notes\n"
        let statuses = ["", "Rejected", "Interviewing", "Offer", "pending", "Ghosted"]
        for index in 0..<rows {
            let day = index % 28 + 1
            let month = index % 12 + 1
            let applied = index % 2 == 0 ? String(format: "2026-%02d-%02d", month, day) : "\(month)/\(day)/2026"
            let status = statuses[index % statuses.count]
            let response = status.isEmpty || status == "pending" ? "" : String(format: "2026-%02d-%02d", month, min(day + 3, 28))
            out +=
                "Company \(index / 3),Role \(index % 7),\(applied),\(status),\(response),job board,\"Met the team, \(index)\"\n"
        }
        return out
    }

    static let importScript = #"""
        import csv, re, sys
        MONTH_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
        STATUS = {"rejected": "rejected", "interviewing": "invited", "offer": "offer", "ghosted": "ghosted"}
        def date(cell):
            cell = cell.strip()
            if re.match(r"^\d{4}-\d{2}-\d{2}$", cell): return cell
            m = MONTH_FIRST.match(cell)
            return "%s-%02d-%02d" % (m.group(3), int(m.group(1)), int(m.group(2))) if m else None
        out = ["# Imported from " + sys.argv[1].split("/")[-1], ""]
        seen = set()
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                key = (row["Company"].lower(), row["Role"].lower(), row["Applied"])
                if key in seen: continue
                seen.add(key)
                out.append("## %s — %s" % (row["Company"], row["Role"]))
                out.append("source: " + row["Source"]); out.append("")
                events = []
                d = date(row["Applied"])
                if d: events.append((d, "applied"))
                kind = STATUS.get(row["Status"].strip().lower())
                r = date(row["Response Date"]) if row["Response Date"] else None
                if kind and r: events.append((r, kind))
                for d, k in sorted(events): out.append("- %s %s" % (d, k))
                if row["Notes"]: out += ["", "> " + row["Notes"]]
                out.append("")
        open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
        """#

    /// An mbox of `count` messages of about 30 KB, in the encodings real mail uses.
    static func writeMbox(count: Int, to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let filler = String(repeating: "We appreciate the time you took to talk with the team about the role. ", count: 400)
        for index in 0..<count {
            let company = "company\(index % 50)"
            var message = "From MAILER-DAEMON Mon Mar  2 10:00:00 2026\n"
            message += "From: Recruiting <talent@\(company).example>\nTo: sam@example.org\n"
            message += "Date: Mon, \(index % 28 + 1) Mar 2026 10:\(String(format: "%02d", index % 60)):00 +0100\n"
            message += "Subject: =?UTF-8?Q?Your_application_n=C2=B0\(index)?=\nMessage-ID: <\(index)@\(company).example>\n"
            switch index % 3 {
            case 0:
                message += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                message += Data(("Unfortunately we will not move forward. " + filler).utf8).base64EncodedString(
                    options: .lineLength76Characters)
            case 1:
                message += "Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n"
                message += "Content-Transfer-Encoding: quoted-printable\n\nCould you share your availability? " + filler
                message += "\n--b\nContent-Type: text/html\n\n<p>availability</p>\n--b--"
            default:
                message += "Content-Type: text/html; charset=iso-8859-1\n\n<html><body><p>Thank you for applying.</p><p>" + filler
                message += "</p></body></html>"
            }
            try handle.write(contentsOf: Data((message + "\n\n").utf8))
        }
    }

    static let mailScript = #"""
        import mailbox, sys
        from email import policy
        from email.parser import BytesParser
        from html.parser import HTMLParser
        class Text(HTMLParser):
            def __init__(self): super().__init__(); self.parts = []
            def handle_data(self, data): self.parts.append(data)
        count = 0
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for message in mailbox.mbox(sys.argv[1], factory=lambda f: BytesParser(policy=policy.default).parse(f)):
                count += 1
                body = message.get_body(preferencelist=("plain", "html"))
                text = ""
                if body is not None:
                    text = body.get_content()
                    if body.get_content_type() == "text/html":
                        t = Text(); t.feed(text); text = "".join(t.parts)
                out.write("%s\t%s\t%s\t%s\t%d\n" % (message["from"], message["to"], message["subject"], message["date"], len(text)))
        print(count)
        """#
}
