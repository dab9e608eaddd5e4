import Testing
@testable import MentalizeCore

@Suite("Risk-language recall on diary and message phrasings")
struct RiskPhrasingTests {
    static let screen = RiskLanguageScreen()

    @Test("there are at least 120 phrasings that must alert")
    func enoughPhrasings() {
        #expect(RiskPhrasingData.mustAlert.count >= 120)
        #expect(Set(RiskPhrasingData.mustAlert).count == RiskPhrasingData.mustAlert.count)
    }

    @Test("risk phrasings alert, negated ones included", arguments: RiskPhrasingData.mustAlert)
    func alerts(text: String) {
        let result = Self.screen.screen(text)
        #expect(result.routeToSafety, "no alert for: \(text)")
        #expect(result.matches.allSatisfy { !$0.text.isEmpty })
    }

    @Test("ordinary sentences stay quiet", arguments: RiskPhrasingData.mustStayQuiet)
    func quiet(text: String) {
        let result = Self.screen.screen(text)
        #expect(!result.routeToSafety, "alerted on \(result.matches.map(\.rule))")
    }

    @Test("hyperbole and everyday uses alert on purpose (recall first)", arguments: RiskPhrasingData.acceptedFalseAlerts)
    func acceptedFalseAlerts(text: String) {
        #expect(Self.screen.screen(text).routeToSafety)
    }

    @Test("curly, modifier-letter and straight apostrophes read the same")
    func apostrophes() {
        let spellings = ["I didn't cut", "I didn’t cut", "I didn‘t cut", "I didnʼt cut", "I didnt cut"]
        for text in spellings {
            #expect(Self.screen.screen(text).matches.map(\.rule) == ["risk.selfharm.not-cut"], "\(text)")
        }
    }

    @Test("a phrase split across sentences does not match, but each sentence is screened")
    func sentenceBoundary() {
        #expect(!Self.screen.screen("I want to. Die Hard is my favourite film.").routeToSafety)
        #expect(Self.screen.screen("Fine day. Then I wanted to die.").routeToSafety)
    }

    @Test("every bundled pattern is well formed")
    func patternsWellFormed() throws {
        let list = try #require(RiskPatternList.bundled)
        #expect(Set(list.patterns.map(\.id)).count == list.patterns.count)
        for pattern in list.patterns {
            #expect(!pattern.sequence.isEmpty && pattern.maxGap >= 0, "\(pattern.id)")
            for word in pattern.sequence.joined() {
                #expect(word == word.lowercased() && !word.contains("'") && !word.contains(" "), "\(pattern.id): \(word)")
            }
        }
    }

    @Test("there are Dutch patterns, each named by its category")
    func dutchPatternsLoaded() throws {
        let list = try #require(RiskPatternList.bundled)
        let dutch = list.patterns.filter { $0.id.contains(".nl-") }
        #expect(dutch.count >= 100)
        let categories: Set<String> = ["suicide", "selfharm", "overdose", "violence", "wanting-to-die"]
        #expect(dutch.allSatisfy { categories.contains(String($0.id.split(separator: ".")[0])) })
    }
}

/// Dutch risk language: the same recall-first screen, with Dutch phrasings, negations, misspellings
/// and slang; ordinary Dutch diary sentences stay quiet.
@Suite struct DutchRiskPhrasingTests {
    let screen = RiskLanguageScreen()

    @Test("there are at least 90 Dutch phrasings that must alert and 40 that must not")
    func enoughPhrasings() {
        #expect(RiskPhrasingDataNL.mustAlert.count >= 90 && RiskPhrasingDataNL.mustStayQuiet.count >= 40)
    }

    @Test("Dutch risk phrasings alert, negated ones included", arguments: RiskPhrasingDataNL.mustAlert)
    func alerts(text: String) {
        #expect(screen.screen(text).routeToSafety, "\(text)")
    }

    @Test("ordinary Dutch sentences stay quiet", arguments: RiskPhrasingDataNL.mustStayQuiet)
    func quiet(text: String) {
        #expect(!screen.screen(text).routeToSafety, "\(text): \(screen.screen(text).matches.map(\.rule))")
    }
}
