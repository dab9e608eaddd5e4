import Foundation
import Testing

/// Words for people come from the catalogue (`Locales/<language>.json`), so every language gets
/// them: no Swift source builds an English sentence of its own, except those reviewed in
/// `english-in-swift.tsv` (each with why it may stay English: the terminal, the log, a machine
/// client, or not yet translated). Whole folders that only talk to the operator are left out.
@Suite struct SwiftSourceTextTests {
    /// Folders whose words are for the operator's terminal, logs or synthetic demo data.
    static let operatorFolders = ["Sources/MentalizeApp/Commands/", "Sources/MentalizeApp/Migrations/", "Sources/MentalizeApp/Benchmarking/",
                                  "Sources/MentalizeApp/Logging/", "Sources/MentalizeApp/Demo/"]
    /// Why a reviewed sentence may stay English.
    static let reasons: Set<String> = ["terminal", "log", "machine", "data", "untranslated"]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Entry: Hashable {
        let path: String
        let literal: String
    }

    /// The reviewed sentences: `reason<TAB>path<TAB>literal as written in the source`.
    static func allowList() throws -> [Entry: String] {
        let file = repository.appendingPathComponent("Tests/MentalizeAppTests/Pages/english-in-swift.tsv")
        var entries: [Entry: String] = [:]
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            entries[Entry(path: fields[1], literal: fields[2])] = fields[0]
        }
        return entries
    }

    /// Every Swift source of the app and the core outside the operator folders, by path.
    static func sources() throws -> [(path: String, text: String)] {
        var found: [(String, String)] = []
        for folder in ["Sources/MentalizeApp", "Sources/MentalizeCore"] {
            let root = repository.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            for file in files {
                let path = String(file.path.dropFirst(repository.path.count + 1))
                if operatorFolders.contains(where: path.hasPrefix) { continue }
                found.append((path, try String(contentsOf: file, encoding: .utf8)))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The string literals of `source` that read as words for people: two or more lower-case
    /// words in a row once interpolations are taken out. Comments, log lines and markup are skipped.
    static func sentences(in source: String) -> [String] {
        var found: [String] = []
        for line in source.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") || trimmed.contains("logger.") || trimmed.contains("fatalError(") || trimmed.contains("precondition(") { continue }
            for match in line.matches(of: /"((?:[^"\\]|\\.)*)"/) {
                let literal = String(match.1)
                if literal.contains("<") { continue } // markup; its words come through PageText
                let words = literal.replacing(/\\\([^)]*\)/, with: "X")
                if words.firstMatch(of: /[a-z]{2,} [a-z]{2,}/) != nil { found.append(literal) }
            }
        }
        return found
    }

    @Test func noSwiftSourceBuildsEnglishForPeopleOutsideTheCatalogue() throws {
        let allowed = try Self.allowList()
        var seen: Set<Entry> = []
        var unreviewed: [String] = []
        for source in try Self.sources() {
            for literal in Self.sentences(in: source.text) {
                let entry = Entry(path: source.path, literal: literal)
                seen.insert(entry)
                if allowed[entry] == nil { unreviewed.append("?\t\(source.path)\t\(literal)") }
            }
        }
        #expect(unreviewed.isEmpty, "English built in Swift: put it in the catalogue, or review it into english-in-swift.tsv:\n\(unreviewed.joined(separator: "\n"))")
        let stale = allowed.keys.filter { !seen.contains($0) }.map { "\($0.path)\t\($0.literal)" }.sorted()
        #expect(stale.isEmpty, "english-in-swift.tsv lists sentences no longer in the sources; take them out:\n\(stale.joined(separator: "\n"))")
        #expect(Set(allowed.values).isSubset(of: Self.reasons), "each reviewed sentence says why it stays English: \(Self.reasons.sorted())")
    }

    @Test func theCheckFindsASentenceAndLeavesKeysAndLogsAlone() {
        let source = """
        let title = "Individual session"
        let key = PageText.text("session.kind.individual")
        // "a comment is not shown"
        request.logger.info("a log line is for the operator")
        let limit = "up to \\(limit) characters"
        let svg = "<text x=\\"4\\">cut-off</text>"
        """
        #expect(Self.sentences(in: source) == ["Individual session", "up to \\(limit) characters"])
    }
}
