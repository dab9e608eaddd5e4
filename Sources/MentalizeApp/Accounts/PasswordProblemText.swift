import MentalizeCore

/// What a refused password is told, in the page's language (English at the terminal).
enum PasswordProblemText {
    static func text(_ problem: PasswordProblem) -> String {
        switch problem {
        case .tooShort(let minimum): PageText.text("password.tooShort", ["minimum": String(minimum)])
        case .tooLong(let maximum): PageText.text("password.tooLong", ["maximum": String(maximum)])
        case .commonPassword: PageText.text("password.common")
        case .matchesPersonalDetails: PageText.text("password.personal")
        }
    }
}
