import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing

@Suite struct LocalizationTests {
    @Test func everyTextKeyATemplateUsesExistsInEnglish() throws {
        let resources = try AppResources.bundled()
        let english = try #require(try Localizations.load(from: resources).catalogs["en"])
        let views = URL(fileURLWithPath: resources.viewsDirectory)
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        #expect(files.count >= 3)
        var used = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#t\("([^"]+)"\)/) {
                used += 1
                #expect(english.strings[String(match.1)] != nil, "\(file.lastPathComponent) uses a missing key \(match.1)")
            }
        }
        #expect(used > 10)
    }

    /// Every named core value has its name in every shipped language (a raw value such as
    /// `mbt-i` is the key's end, so a renamed case shows here, not as a bare key on a page).
    @Test func everyCatalogueNamedValueHasItsName() throws {
        func keys<T: CatalogueNamed & CaseIterable>(_ type: T.Type) -> [String] { T.allCases.map { "\(T.textPrefix).\($0.rawValue)" } }
        let all = keys(MBTIntervention.self) + keys(PrementalizingMode.self) + keys(MentalizingPole.self) + keys(ProgrammePhase.self)
            + keys(ProgrammeExit.self) + keys(ReviewStatus.self)
        for catalog in try Localizations.load(from: try AppResources.bundled()).catalogs.values {
            let missing = all.filter { catalog.strings[$0] == nil }
            #expect(missing.isEmpty, "\(catalog.code) lacks \(missing)")
        }
    }

    /// Leaf reads `#t(...)` directly followed by a colon as a tag with a body, which fails only when
    /// the page is rendered; every template is checked here instead.
    @Test func noTextTagIsFollowedByAColon() throws {
        let resources = try AppResources.bundled()
        let views = URL(fileURLWithPath: resources.viewsDirectory)
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        #expect(files.count >= 3)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: /#t\([^)]*\):/) == nil, "\(file.lastPathComponent): wrap #t(...) in a <span> before a colon")
        }
    }

    /// Templates say nothing in words of their own: every word a person reads comes through `#t`,
    /// so every language gets it. Only the statistical symbol "n" is allowed as it is.
    @Test func noTemplateHasLiteralWordsOutsideTextTags() throws {
        let resources = try AppResources.bundled()
        let views = URL(fileURLWithPath: resources.viewsDirectory)
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        #expect(files.count >= 3)
        for file in files {
            let words = Self.literalWords(try String(contentsOf: file, encoding: .utf8))
            #expect(words.isEmpty, "\(file.lastPathComponent) shows words outside #t: \(words.prefix(8))")
        }
        #expect(Self.literalWords("<p>#t(\"a.b\") #(x)</p><li#if(n > 0): class=\"risk\"#endif>Save</li>") == ["Save"], "the check finds a literal word")
    }

    static let allowedWords: Set<String> = ["n"]

    /// The words left in a template once comments, Leaf expressions (with balanced parentheses),
    /// Leaf block endings and HTML tags with their attributes are taken out.
    static func literalWords(_ template: String) -> [String] {
        var text = template.replacing(/<!--.*?-->/.dotMatchesNewlines(), with: "")
        var kept = ""
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if let tag = rest.prefixMatch(of: /#[A-Za-z]*\(/) {
                var depth = 0
                var cursor = text.index(before: tag.range.upperBound)
                var inString = false
                while cursor < text.endIndex {
                    let character = text[cursor]
                    if character == "\"" { inString.toggle() } else if !inString && character == "(" { depth += 1 } else if !inString && character == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    cursor = text.index(after: cursor)
                }
                index = cursor < text.endIndex ? text.index(after: cursor) : cursor
                if index < text.endIndex, text[index] == ":" { index = text.index(after: index) }
                kept.append(" ")
                continue
            }
            if let ending = rest.prefixMatch(of: /#(else|endif|endfor|endexport|endextend|endimport):?/) {
                index = ending.range.upperBound
                continue
            }
            kept.append(text[index])
            index = text.index(after: index)
        }
        text = kept.replacing(/<[^>]*>/, with: " ").replacing(/&[a-z]+;/, with: " ")
        return text.matches(of: /[A-Za-z][A-Za-z'’-]*/).map { String($0.output) }.filter { !allowedWords.contains($0) }
    }
}
