/// Weekday and month names per language, for dates written out ("ma 7 dec 2026" in Dutch,
/// "Mon 7 Dec 2026" in English). Unknown languages get English.
public enum DateWords {
    /// Short and long weekday names, Monday first; short and long month names, January first.
    struct Names {
        let weekdaysShort: [String]
        let weekdaysLong: [String]
        let monthsShort: [String]
        let monthsLong: [String]
    }

    static let names: [String: Names] = [
        "en": Names(weekdaysShort: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                    weekdaysLong: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                    monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
                    monthsLong: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]),
        "nl": Names(weekdaysShort: ["ma", "di", "wo", "do", "vr", "za", "zo"],
                    weekdaysLong: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
                    monthsShort: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
                    monthsLong: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]),
        "de": Names(weekdaysShort: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
                    weekdaysLong: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
                    monthsShort: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
                    monthsLong: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]),
        "nb": Names(weekdaysShort: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
                    weekdaysLong: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
                    monthsShort: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
                    monthsLong: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]),
        "da": Names(weekdaysShort: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
                    weekdaysLong: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
                    monthsShort: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
                    monthsLong: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]),
    ]

    private static func of(_ language: String) -> Names {
        names[language] ?? names["en"]!
    }

    public static func weekdayShort(_ weekday: Weekday, in language: String) -> String {
        of(language).weekdaysShort[Weekday.allCases.firstIndex(of: weekday) ?? 0]
    }

    public static func weekdayLong(_ weekday: Weekday, in language: String) -> String {
        of(language).weekdaysLong[Weekday.allCases.firstIndex(of: weekday) ?? 0]
    }

    /// The month (1–12) in short form; an out-of-range month is clamped.
    public static func monthShort(_ month: Int, in language: String) -> String {
        of(language).monthsShort[min(max(month, 1), 12) - 1]
    }

    public static func monthLong(_ month: Int, in language: String) -> String {
        of(language).monthsLong[min(max(month, 1), 12) - 1]
    }
}
