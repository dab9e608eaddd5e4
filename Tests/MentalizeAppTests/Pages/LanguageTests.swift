import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Every page in the person's language: the browser's `Accept-Language` for a visitor, the switch
/// in the header (a visitor's cookie; a signed-in person's saved choice, audited), `<html lang>`
/// and `Content-Language` following it; and every shipped language carries every text.
@Suite struct LanguageChoiceTests {
    static func catalogs() throws -> Localizations { try Localizations.load(from: try AppResources.bundled()) }

    /// Keys of `reference` missing from `catalog`, keys `catalog` has that `reference` has not,
    /// and keys whose text is empty.
    static func problems(_ catalog: [String: String], against reference: [String: String]) -> [String] {
        let missing = Set(reference.keys).subtracting(catalog.keys).sorted().map { "missing \($0)" }
        let extra = Set(catalog.keys).subtracting(reference.keys).sorted().map { "not in English: \($0)" }
        let empty = catalog.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted().map { "empty \($0)" }
        return missing + extra + empty
    }

    @Test func everyShippedLanguageHasEveryTextAndItsPluralRules() throws {
        let localizations = try Self.catalogs()
        let english = try #require(localizations.catalogs["en"]).strings
        #expect(localizations.available.isSuperset(of: ["en", "nl"]))
        for (code, catalog) in localizations.catalogs {
            #expect(Self.problems(catalog.strings, against: english) == [], "\(code)")
            #expect(PluralRules.languages.contains(code))
            for key in catalog.strings.keys where key.hasSuffix(".one") {
                #expect(catalog.strings[String(key.dropLast(4)) + ".other"] != nil, "\(code): \(key) has no .other")
            }
        }
        // The check fails when a text is removed, added or emptied.
        var dutch = try #require(localizations.catalogs["nl"]).strings
        dutch.removeValue(forKey: "signIn.heading")
        dutch["stray.key"] = "x"
        dutch["layout.signIn"] = " "
        #expect(Self.problems(dutch, against: english) == ["missing signIn.heading", "not in English: stray.key", "empty layout.signIn"])
    }

    @Test func aVisitorGetsTheBrowsersLanguageAndCanSwitchWithACookie() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let dutch = try #require(try Self.catalogs().catalogs["nl"]).strings
            let heading = try #require(dutch["signIn.heading"])
            let visitor = WebClient(app: app)
            let page = try await visitor.get("/sign-in", headers: ["Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8"])
            #expect(page.headers.first(name: .contentLanguage) == "nl")
            #expect(page.body.string.contains("<html lang=\"nl\">") && page.body.string.contains(heading))
            let english = try await visitor.get("/sign-in", headers: ["Accept-Language": "fr, en;q=0.5"])
            #expect(english.body.string.contains("<html lang=\"en\">"))
            let switched = try await visitor.post("/language", form: ["language": "nl"], headers: ["Referer": "http://mentalize.test/sign-in?next=x"])
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/sign-in")
            #expect(try await visitor.get("/sign-in", headers: ["Accept-Language": "en"]).body.string.contains("<html lang=\"nl\">"), "the choice beats the browser")
            #expect(try await visitor.post("/language", form: ["language": "xx"]).status == .badRequest)
            let offsite = try await visitor.post("/language", form: ["language": "en"], headers: ["Referer": "https://evil.example/phish"])
            #expect(offsite.headers.first(name: .location) == "/phish", "only the path is used: the answer stays on this site")
            #expect(try await visitor.post("/language", form: ["language": "en"]).headers.first(name: .location) == "/", "no referrer: the home page")
        }
    }

    @Test func aSignedInPersonsChoiceIsSavedOnTheAccountAndAudited() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let home = try await ash.get("/home", headers: ["Accept-Language": "en"]).body.string
            #expect(home.contains("<option value=\"nl\" lang=\"nl\">Nederlands</option>"), "the switch is in the header")
            let saved = try await ash.post("/language", form: ["language": "nl"], headers: ["X-Request-Id": "lang", "Referer": "http://mentalize.test/caseload"])
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/caseload")
            #expect(try await UserAccount.find(DemoStaff.therapistAsh.id, on: app.db)?.language == "nl")
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "lang").first())
            #expect(event.recordType == "accountData" && event.detail == "language: nl")
            let caseload = try await ash.get("/caseload", headers: ["Accept-Language": "en"])
            #expect(caseload.body.string.contains("<html lang=\"nl\">") && caseload.headers.first(name: .contentLanguage) == "nl")
        }
    }
}

/// A helpline says which language it answers in; pages in that language list it first.
@Suite struct HelplineLanguageTests {
    @Test func dutchPagesShowDutchLinesFirstAndEnglishPagesKeepTheClinicsOrder() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            try await admin.get(SiteRoute.clinicSettings.path)
            let line = ["name": "Sensoor", "number": "0900-0767", "hours": "Dag en nacht", "language": "nl"]
            var bad = line
            bad["language"] = "xx"
            let refused = try await admin.post(SiteRoute.clinicHelplineAdd.path, form: bad)
            #expect(refused.status == .badRequest && refused.body.string.contains("choose the helpline&#39;s language") || refused.body.string.contains("choose the helpline's language"))
            #expect(try await admin.post(SiteRoute.clinicHelplineAdd.path, form: line).status == .seeOther)
            #expect(try await Helpline.query(on: app.db).filter(\.$language == "nl").count() == 3, "the demo's two Dutch lines and this one")
            let avery = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            func order(_ language: String) async throws -> [String] {
                let page = try await avery.get("/home", headers: ["Accept-Language": language]).body.string
                return ["Emergency services", "Samaritans", "Sensoor"].sorted {
                    (page.range(of: $0)?.lowerBound ?? page.endIndex) < (page.range(of: $1)?.lowerBound ?? page.endIndex)
                }
            }
            #expect(try await order("nl") == ["Sensoor", "Emergency services", "Samaritans"])
            #expect(try await order("en") == ["Emergency services", "Samaritans", "Sensoor"])
        }
    }
}

/// Staff pages built from core values say them in the page's language too: the MBT terms of a
/// session note, why a note cannot be signed, the programme phase on the caseload.
@Suite struct StaffWordsInDutchTests {
    @Test func aDutchTherapistReadsTheNoteFormAndCaseloadInDutchMBTTerms() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let dutch: HTTPHeaders = ["Accept-Language": "nl"]
            let note = try await ash.get(SessionFixtures.path(session), headers: dutch).body.string
            for term in ["Stoppen en terugspoelen", "Mentaliseren van de relatie", "Psychische equivalentie", "Doen-alsof-modus", "Zelf – ander", "Gecontroleerd"] {
                #expect(note.contains(term), "\(term)")
            }
            #expect(!note.contains("Stop and rewind") && !note.contains("Pretend mode"))
            let english = try await ash.get(SessionFixtures.path(session), headers: ["Accept-Language": "en"]).body.string
            #expect(english.contains("Stop and rewind") && english.contains("Pretend mode"))
            let incomplete = try await ash.post(SessionFixtures.path(session) + "/note", form: ["narrative": "Half geschreven.", "action": "sign"], headers: dutch)
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.body.string.contains("Het verslag kan nog niet worden ondertekend.") && incomplete.body.string.contains("Schrijf het plan."))
            let caseload = try await ash.get(SiteRoute.caseload.path, headers: dutch).body.string
            #expect(caseload.contains("Behandeling") && !caseload.contains(">Treatment<"))
        }
    }
}
