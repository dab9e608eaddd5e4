import MentalizeCore
import Vapor

/// What every page's layout needs: the title (a text key), the header links, and who is signed in
/// (with the form token the sign-out button posts).
struct PageChrome: Encodable {
    let titleKey: String
    let homePath = SiteRoute.home.path
    let signInPath = SiteRoute.signIn.path
    let signOutPath = SiteRoute.signOut.path
    let signedInName: String?
    let csrfToken: String
    /// For patients: the crisis plan and helplines, linked from the header of every page.
    let crisisPath: String?
    /// For staff: open risk alerts addressed to them, shown above every page until acknowledged.
    let openAlerts: [AlertBanner]
    /// For patients: their questionnaires and home links.
    let measuresPath: String?
    let messagesPath: String?
    let diaryPath: String?
    let learningPath: String?
    /// For staff: the sections of their roles, with counts.
    let staffNavigation: StaffNavigation?
    /// For staff using emergency (break-glass) access on this page: when it ends, in the clinic's time.
    let emergencyAccessUntil: String?
    /// The page's language (`<html lang>`) and the choice of languages in the header.
    let language: String
    let languages: [LanguageChoice]
    let languagePath = SiteRoute.language.path

    /// A language offered in the header, named in itself.
    struct LanguageChoice: Encodable {
        let code: String
        let name: String
        let current: Bool
    }

    /// Each shipped language's name in that language.
    static let languageNames = ["en": "English", "nl": "Nederlands", "de": "Deutsch", "nb": "Norsk bokmål", "da": "Dansk"]

    init(titleKey: String, request: Request) {
        self.titleKey = titleKey
        let user = request.signedInUser.flatMap { $0.isFullySignedIn ? $0 : nil }
        self.signedInName = user?.user.displayName
        self.csrfToken = request.csrfToken
        let isPatient = user.map(\.roles) == ["patient"]
        self.crisisPath = isPatient ? SiteRoute.myCrisisPlan.path : nil
        self.measuresPath = isPatient ? SiteRoute.myMeasures.path : nil
        self.messagesPath = isPatient ? SiteRoute.myMessages.path : nil
        self.diaryPath = isPatient ? SiteRoute.myDiary.path : nil
        self.learningPath = isPatient ? SiteRoute.myLearning.path : nil
        self.openAlerts = request.storage[OpenAlertsKey.self] ?? []
        self.staffNavigation = user.flatMap { user in
            StaffNavigation(roles: Set(user.roles.compactMap(Role.init(rawValue:))).subtracting([.patient]),
                            counts: request.storage[NavigationCountsKey.self] ?? NavigationCounts(), currentPath: request.url.path)
        }
        self.emergencyAccessUntil = request.storage[EmergencyAccessKey.self].map(DisplayTime.minute)
        let language = request.language
        self.language = language
        self.languages = (request.storage[AvailableLanguagesKey.self] ?? [language]).sorted().map {
            LanguageChoice(code: $0, name: Self.languageNames[$0] ?? $0, current: $0 == language)
        }

    }
}
