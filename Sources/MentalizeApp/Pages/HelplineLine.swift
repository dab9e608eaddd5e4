/// One helpline as a page shows it: in the header of every patient page and in the crisis plan.
struct HelplineLine: Encodable, Sendable {
    let name: String
    let phone: String
    /// The number as a `tel:` link dials it: digits and a leading plus only.
    let dial: String
    let hours: String
    /// The language the clinic wrote the line in and it answers in (nil: any), as the page's
    /// `lang` attribute on the line, so a screen reader reads it in that language.
    let language: String?

    init(_ helpline: Helpline) {
        name = helpline.name
        phone = helpline.phone
        dial = helpline.phone.filter { $0.isNumber || $0 == "+" }
        hours = helpline.hours
        language = helpline.language
    }
}
