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

    @Test func datesAreWrittenInTheLanguage() throws {
        let zone = try ClinicZone("Europe/Amsterdam")
        let day = try LocalDate(iso: "2026-12-07")
        #expect(zone.dayText(day) == "Mon 7 Dec 2026")
        #expect(zone.dayText(day, in: "nl") == "ma 7 dec 2026")
        #expect(zone.dayText(try LocalDate(iso: "2026-03-01"), in: "nl") == "zo 1 mrt 2026")
        #expect(zone.dayText(day, in: "de") == "Mo 7 Dez 2026")
        #expect(zone.dayText(day, in: "xx") == "Mon 7 Dec 2026", "an unknown language gets English")
        let slot = try TimeSlot(start: zone.instant(on: day, at: try LocalTime(hour: 9, minute: 0)), minutes: 50)
        #expect(zone.slotText(slot, in: "nl") == "ma 7 dec 2026, 09:00–09:50 (Europe/Amsterdam)")
        #expect(DateWords.weekdayLong(.wednesday, in: "nl") == "woensdag" && DateWords.monthLong(5, in: "da") == "maj")
        for language in ["en", "nl", "de", "nb", "da"] {
            #expect(Set(Weekday.allCases.map { DateWords.weekdayShort($0, in: language) }).count == 7, "\(language): seven distinct weekdays")
            #expect(Set((1...12).map { DateWords.monthLong($0, in: language) }).count == 12, "\(language): twelve distinct months")
        }
    }

    @Test func decimalsUseTheLanguagesSeparator() {
        #expect(NumberText.decimal(4.5, digits: 1, in: "en") == "4.5")
        #expect(NumberText.decimal(4.5, digits: 1, in: "nl") == "4,5")
        #expect(NumberText.decimal(0.8333, digits: 2, in: "de") == "0,83")
        #expect(NumberText.decimal(-0.25, digits: 2, in: "da") == "-0,25")
        #expect(NumberText.decimal(3, digits: 0, in: "nl") == "3")
    }
}
