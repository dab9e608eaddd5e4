import Foundation
@testable import MentalizeApp
import Testing

@Suite struct LocalizationTests {
    @Test func everyTextKeyATemplateUsesExistsInEnglish() throws {
        let resources = try AppResources.bundled()
        let english = try Localization.load("en", from: resources)
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
}
