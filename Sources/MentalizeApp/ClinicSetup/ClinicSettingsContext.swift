/// What the clinic settings page shows.
struct ClinicSettingsContext: Encodable {
    struct Day: Encodable {
        let key: String
        let name: String
        let opens: String
        let closes: String
    }

    struct Line: Encodable {
        let name: String
        let phone: String
        let hours: String
        /// The language it answers in; empty for any.
        let language: String
        let number: Int
        let first: Bool
        let last: Bool
        let savePath: String
        let removePath: String
        let movePath: String
    }

    let page: PageChrome
    let csrfToken: String
    let canEdit: Bool
    let form: ClinicSettingsForm
    let problems: [String]
    let helplineProblems: [String]
    let noticeKey: String?
    let days: [Day]
    /// The languages a clinic may default to, named in themselves.
    let locales: [NamedLanguage]
    let helplines: [Line]
    /// The languages a helpline may be marked with, named in themselves.
    let helplineLanguages: [NamedLanguage]

    struct NamedLanguage: Encodable {
        let code: String
        let name: String
    }
    let savePath: String
    let addHelplinePath: String
    /// The clinic calendar (holidays), for the programme lead who keeps it.
    let holidaysPath: String?
}
