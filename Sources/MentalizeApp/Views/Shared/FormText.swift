import Foundation

extension Optional where Wrapped == String {
    /// The field as typed, trimmed; empty when the field was not sent.
    var trimmed: String { (self ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Small checks shared by the pathway forms.
enum FormCheck {
    /// A real calendar date (yyyy-mm-dd) not after today and not before 1900.
    static func isPastDate(_ text: String, today: Date) -> Bool {
        RegistrationForm.isPastDate(text, today: today)
    }

    /// Today's date as yyyy-mm-dd (UTC), for form defaults.
    static func today(_ now: Date) -> String {
        now.formatted(.iso8601.year().month().day())
    }
}
