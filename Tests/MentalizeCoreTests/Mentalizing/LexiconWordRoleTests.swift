import Foundation
import Testing
@testable import MentalizeCore

@Suite("Lexicon word roles")
struct LexiconWordRoleTests {
    @Test("the bundled word roles load, and an unknown role name is refused rather than ignored")
    func unknownRoleIsRefused() throws {
        // setup
        let url = try #require(MentalizingResources.url(named: "lexicon"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var roles = try #require(object["wordRoles"] as? [String: [String]])
        // act
        let bundled = try Lexicon(jsonData: Data(contentsOf: url))
        roles["noSuchRole"] = ["word"]
        object["wordRoles"] = roles
        let damaged = try JSONSerialization.data(withJSONObject: object)
        // verify
        var tokens = Tokenizer.tokenize("He thought it was found.")
        _ = bundled.annotate(&tokens)
        #expect(tokens[1].flags.contains(.belief))
        #expect(throws: Lexicon.UnknownWordRole.self) { try Lexicon(jsonData: damaged) }
    }
}
