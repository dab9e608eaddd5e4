import Fluent
import Foundation
import MentalizeCore
import Vapor

extension FormulationVersion {
    /// The text of one section.
    func text(_ section: FormulationSection) -> String {
        switch section {
        case .presentingProblems: presentingProblems
        case .relationalPatterns: relationalPatterns
        case .breakdowns: breakdowns
        case .attachmentStrategies: attachmentStrategies
        case .strengths: strengths
        case .treatmentGoals: treatmentGoals
        }
    }

    /// The sections as read and compared: the breakdown section carries the modes that follow it.
    func comparableText(_ section: FormulationSection) -> String {
        guard section == .breakdowns else { return text(section) }
        let modes = PrementalizingMode.modes(stored: modes).map { $0.localizedName.lowercased() }.joined(separator: ", ")
        return modes.isEmpty ? breakdowns : breakdowns + "\n[" + modes + "]"
    }
}

/// The therapist's formulation form: the six sections, the modes that follow a breakdown, and
/// whether to share the new version with the patient.
struct FormulationForm: Content {
    var presentingProblems: String?
    var relationalPatterns: String?
    var breakdowns: String?
    var modes: [String]?
    var attachmentStrategies: String?
    var strengths: String?
    var treatmentGoals: String?
    var share: String?

    init() {}

    init(_ version: FormulationVersion?) {
        presentingProblems = version?.presentingProblems
        relationalPatterns = version?.relationalPatterns
        breakdowns = version?.breakdowns
        modes = version.map { PrementalizingMode.modes(stored: $0.modes).map(\.rawValue) }
        attachmentStrategies = version?.attachmentStrategies
        strengths = version?.strengths
        treatmentGoals = version?.treatmentGoals
    }

    func text(_ section: FormulationSection) -> String {
        switch section {
        case .presentingProblems: presentingProblems.trimmed
        case .relationalPatterns: relationalPatterns.trimmed
        case .breakdowns: breakdowns.trimmed
        case .attachmentStrategies: attachmentStrategies.trimmed
        case .strengths: strengths.trimmed
        case .treatmentGoals: treatmentGoals.trimmed
        }
    }

    /// Text keys for every problem.
    func problems() -> [String] {
        var problems: [String] = []
        let texts = FormulationSection.allCases.map(text)
        if texts.allSatisfy(\.isEmpty) { problems.append("formulation.error.empty") }
        if texts.contains(where: { $0.count > FormulationSection.maximumLength }) { problems.append("formulation.error.tooLong") }
        if (modes ?? []).contains(where: { PrementalizingMode(rawValue: $0) == nil }) { problems.append("formulation.error.modes") }
        return problems
    }

    /// A new version from the checked form.
    func version(patientID: UUID, number: Int, by userID: UUID, at now: Date) -> FormulationVersion {
        let version = FormulationVersion()
        version.$patient.id = patientID
        version.version = number
        version.presentingProblems = text(.presentingProblems)
        version.relationalPatterns = text(.relationalPatterns)
        version.breakdowns = text(.breakdowns)
        version.modes = PrementalizingMode.stored((modes ?? []).compactMap(PrementalizingMode.init(rawValue:)))
        version.attachmentStrategies = text(.attachmentStrategies)
        version.strengths = text(.strengths)
        version.treatmentGoals = text(.treatmentGoals)
        version.sharedAt = share == "on" ? now : nil
        version.$writtenBy.id = userID
        version.writtenAt = now
        return version
    }
}

/// One section as a page shows it.
struct FormulationSectionView: Encodable {
    let key: String
    let text: String
    let modeKeys: [String]

    static func all(_ version: FormulationVersion) -> [FormulationSectionView] {
        FormulationSection.allCases.map { section in
            FormulationSectionView(key: "formulation.section.\(section.rawValue)", text: version.text(section),
                                   modeKeys: section == .breakdowns ? PrementalizingMode.modes(stored: version.modes).map { "formulation.mode.\($0.rawValue)" } : [])
        }
    }
}
