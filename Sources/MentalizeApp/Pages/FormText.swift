import Foundation
import MentalizeCore

extension Optional where Wrapped == String {
    /// The field as typed, trimmed; empty when the field was not sent.
    var trimmed: String { (self ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Small checks shared by the pathway forms.
enum FormCheck {
    /// A real calendar date (yyyy-mm-dd) not after today and not before 1900.
    static func isPastDate(_ text: String, today: Date) -> Bool {
        guard text.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) else { return false }
        let roundTrip = date.formatted(.iso8601.year().month().day())
        return roundTrip == text && date <= today && text >= "1900-01-01"
    }

    /// A real calendar date (yyyy-mm-dd) not after today and not before the person's date of birth
    /// (nothing can happen to someone before they were born). `born` is stored as yyyy-mm-dd, so
    /// the dates compare as text.
    static func isPastDate(_ text: String, today: Date, notBefore born: String) -> Bool {
        isPastDate(text, today: today) && text >= born
    }

    /// Completed years of age on `today` (UTC) for a yyyy-mm-dd birth date; nil when it is not a date.
    static func age(born: String, today: Date) -> Int? {
        guard let birth = try? LocalDate(iso: born), let now = try? LocalDate(iso: Self.today(today)) else { return nil }
        let hadBirthday = (now.month, now.day) >= (birth.month, birth.day)
        return now.year - birth.year - (hadBirthday ? 0 : 1)
    }

    /// Today's date as yyyy-mm-dd (UTC), for form defaults.
    static func today(_ now: Date) -> String {
        now.formatted(.iso8601.year().month().day())
    }
}
