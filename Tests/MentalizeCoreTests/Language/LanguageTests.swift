import MentalizeCore
import Testing

/// Choosing a page's language, and plural categories.
@Suite struct LanguageTests {
    let shipped: Set<String> = ["en", "nl"]

    @Test func theSavedChoiceThenTheClinicThenTheBrowserThenEnglish() {
        #expect(LanguageNegotiation.choose(saved: "nl", clinicDefault: "en", acceptLanguage: "en", available: shipped) == "nl")
        #expect(LanguageNegotiation.choose(saved: nil, clinicDefault: "nl", acceptLanguage: "en-GB", available: shipped) == "nl")
        #expect(LanguageNegotiation.choose(saved: nil, clinicDefault: nil, acceptLanguage: "nl-BE,nl;q=0.9,en;q=0.8", available: shipped) == "nl")
        #expect(LanguageNegotiation.choose(saved: "de", clinicDefault: nil, acceptLanguage: "de-DE, nl;q=0.5", available: shipped) == "nl",
                "a saved language not shipped falls through; the browser's next choice that is shipped wins")
        #expect(LanguageNegotiation.choose(saved: nil, clinicDefault: nil, acceptLanguage: "fr, de", available: shipped) == "en")
        #expect(LanguageNegotiation.choose(saved: nil, clinicDefault: nil, acceptLanguage: nil, available: shipped) == "en")
    }

    @Test func acceptLanguageIsRankedByQualityAndRefusalsAndJunkAreDropped() {
        #expect(LanguageNegotiation.preferences("en;q=0.5, nl;q=0.9, de") == ["de", "nl", "en"])
        #expect(LanguageNegotiation.preferences("nl;q=0, en") == ["en"], "q=0 refuses a language")
        #expect(LanguageNegotiation.preferences("*, NL-nl, nl, x1;q=1, en;q=abc, ;q=1, en;q=2") == ["nl"])
        #expect(LanguageNegotiation.preferences(String(repeating: "nl,", count: 10_000)) == ["nl"], "a long header is cut short, not walked")
        #expect(LanguageNegotiation.preferences("") == [])
    }

    @Test func wholeNumbersAreOneOnlyForOneInEveryKnownLanguage() {
        for language in ["en", "nl", "de", "nb", "da"] {
            #expect(PluralRules.category(of: 1, in: language) == .one)
            for count in [0, 2, 5, 11, 21, 101] { #expect(PluralRules.category(of: count, in: language) == .other, "\(language) \(count)") }
        }
        #expect(PluralRules.category(of: 1, in: "pl") == nil, "a language whose rules are not known")
    }
}
