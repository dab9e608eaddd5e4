import MentalizeCore

extension InstrumentDefinition {
    /// The abbreviation in the title's last brackets ("PHQ-9" for "Patient Health Questionnaire
    /// (PHQ-9)"), for tables where the full title does not fit; the title when it has none.
    var shortTitle: String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "(") else { return title }
        let inside = title[title.index(after: open)..<title.index(before: title.endIndex)]
        return inside.isEmpty ? title : String(inside)
    }
}
