import CSV
import Foundation
import Journal

/// A CSV file as a header and rows of text, decoded the way spreadsheets save them: UTF-8 with or
/// without a byte-order mark, else Windows-1252; `,`, `;` or tab as separator, told by the header.
///
/// The records themselves are read by CSV.swift (RFC 4180 quoting, any one-character separator).
/// Only what it does not do is here: choosing the encoding and the separator.
public struct CSVTable: Sendable {
    /// The path as shown in diagnostics.
    public var file: String
    public var header: [String]
    /// Data rows; row `i` is spreadsheet row `i + 2` (the header is row 1).
    public var rows: [[String]]
    public var separator: Character

    /// The largest file read: beyond it the import stops with an error instead of filling memory.
    public static let maximumBytes = 256 * 1024 * 1024

    public enum ReadError: Error, CustomStringConvertible {
        case tooLarge(String, Int)
        case noHeader(String)
        case malformed(String, String)

        public var description: String {
            switch self {
            case .tooLarge(let file, let size):
                return
                    "\(file): \(size / 1_048_576) MB is more than an import reads (\(CSVTable.maximumBytes / 1_048_576) MB); split the file"
            case .noHeader(let file): return "\(file):1:1: error: no header row (the first row must name the columns)"
            case .malformed(let file, let why): return "\(file): error: not readable as CSV (\(why))"
            }
        }
    }

    public static func read(_ data: Data, file: String) throws -> CSVTable {
        guard data.count <= maximumBytes else { throw ReadError.tooLarge(file, data.count) }
        let text = decode(data)
        let separator = detectSeparator(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: text, hasHeaderRow: true, trimFields: false, delimiter: separator.unicodeScalars.first!)
        } catch {
            throw ReadError.noHeader(file)
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.trimmingWhitespace.isEmpty }) else {
            throw ReadError.noHeader(file)
        }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw ReadError.malformed(file, "\(error)") }
        // A trailing empty line gives one empty field: not a row.
        rows.removeAll { $0.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        return CSVTable(
            file: file, header: header.map { $0.trimmingWhitespace }, rows: rows, separator: separator)
    }

    /// UTF-8 (a byte-order mark dropped), else Windows-1252.
    static func decode(_ data: Data) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return SingleByteText.windows1252(bytes)
    }

    /// The separator the header line uses most outside quotes: `,` unless `;` or a tab wins.
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && (character == "\n" || character == "\r\n" || character == "\r") { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let comma = counts[","] ?? 0
        let semicolon = counts[";"] ?? 0
        let tab = counts["\t"] ?? 0
        if tab > comma && tab >= semicolon { return "\t" }
        if semicolon > comma { return ";" }
        return ","
    }
}
