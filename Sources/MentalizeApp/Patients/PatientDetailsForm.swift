import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The registration details form (identifier, contact, language, emergency contact, GP, programme
/// type and carer), used on registration and on the patient's details page. Everything but the
/// programme type is optional; what is filled in must be well formed.
struct PatientDetailsForm: Content {
    var programmeType: String?
    var identifierType: String?
    var identifierValue: String?
    var phone: String?
    var email: String?
    var address: String?
    var preferredLanguage: String?
    var emergencyName: String?
    var emergencyRelationship: String?
    var emergencyPhone: String?
    var gpName: String?
    var gpPractice: String?
    var gpPhone: String?
    var carerName: String?
    var carerRelationship: String?
    var carerSessions: [String]?

    init() {}

    init(_ details: PatientDetails?, identifier: PatientIdentifierRecord?) {
        programmeType = details?.$programmeType.id?.uuidString
        identifierType = identifier?.type
        identifierValue = identifier?.value
        phone = details?.phone
        email = details?.email
        address = details?.address
        preferredLanguage = details?.preferredLanguage
        emergencyName = details?.emergencyName
        emergencyRelationship = details?.emergencyRelationship
        emergencyPhone = details?.emergencyPhone
        gpName = details?.gpName
        gpPractice = details?.gpPractice
        gpPhone = details?.gpPhone
        carerName = details?.carerName
        carerRelationship = details?.carerRelationship
        carerSessions = details.map { $0.carerSessions.split(separator: ",").map(String.init) }
    }

    /// The youngest age (completed years) at which someone may be registered for the built-in
    /// adult programme; younger people are offered MBT-A (adolescents).
    static let adultProgrammeMinimumAge = 16

    /// Text keys for every problem, in form order. `types` are the clinic's programme types;
    /// `dateOfBirth` (yyyy-mm-dd, when known and valid) rules out the adult programme for children.
    func problems(types: [ProgrammeType], dateOfBirth: String?, today: Date) -> [String] {
        var problems: [String] = []
        let type = types.first { $0.id?.uuidString == programmeType }
        if type == nil { problems.append("details.error.programmeType") }
        if let type, type.id == ProgrammeType.adultID, let age = dateOfBirth.flatMap({ FormCheck.age(born: $0, today: today) }),
           age < Self.adultProgrammeMinimumAge {
            problems.append("details.error.tooYoungForAdults")
        }
        let idValue = identifierValue.trimmed
        if !idValue.isEmpty {
            if let kind = IdentifierType(rawValue: identifierType.trimmed) {
                if PatientIdentifierCheck.problem(idValue, type: kind) != nil { problems.append("details.error.identifier.\(kind.rawValue)") }
            } else {
                problems.append("details.error.identifierType")
            }
        }
        for phone in [phone.trimmed, emergencyPhone.trimmed, gpPhone.trimmed] where !phone.isEmpty && !ContactChecks.isPhone(phone) {
            problems.append("details.error.phone")
            break
        }
        if !email.trimmed.isEmpty, !ContactChecks.isEmail(email.trimmed) { problems.append("details.error.email") }
        let short = [preferredLanguage, emergencyName, emergencyRelationship, gpName, gpPractice, carerName, carerRelationship]
        if short.contains(where: { $0.trimmed.count > 200 }) || address.trimmed.count > 500 { problems.append("details.error.tooLong") }
        if !emergencyName.trimmed.isEmpty, emergencyPhone.trimmed.isEmpty { problems.append("details.error.emergencyPhone") }
        if (carerSessions ?? []).contains(where: { !PatientDetails.carerSessionKinds.contains($0) }) { problems.append("details.error.carerSessions") }
        if let type, !type.involvesCarer, !carerName.trimmed.isEmpty { problems.append("details.error.carerNotApplicable") }
        return problems
    }

    /// Copies the checked values onto `details` (a new row or the patient's existing one).
    func apply(to details: PatientDetails, patientID: UUID, by userID: UUID, at now: Date) {
        details.$patient.id = patientID
        details.$programmeType.id = programmeType.flatMap(UUID.init(uuidString:))
        details.phone = phone.trimmed
        details.email = email.trimmed
        details.address = address.trimmed
        details.preferredLanguage = preferredLanguage.trimmed
        details.emergencyName = emergencyName.trimmed
        details.emergencyRelationship = emergencyRelationship.trimmed
        details.emergencyPhone = emergencyPhone.trimmed
        details.gpName = gpName.trimmed
        details.gpPractice = gpPractice.trimmed
        details.gpPhone = gpPhone.trimmed
        details.carerName = carerName.trimmed
        details.carerRelationship = carerRelationship.trimmed
        details.carerSessions = PatientDetails.carerSessionKinds.filter { (carerSessions ?? []).contains($0) }.joined(separator: ",")
        details.updatedAt = now
        details.$updatedBy.id = userID
    }

    /// The identifier to store, normalised, when one was given.
    var identifier: (type: IdentifierType, value: String)? {
        guard let type = IdentifierType(rawValue: identifierType.trimmed), !identifierValue.trimmed.isEmpty else { return nil }
        return (type, PatientIdentifierCheck.normalized(identifierValue.trimmed, type: type))
    }
}

/// What the details form needs to render its choices.
struct PatientDetailsChoices: Encodable {
    struct TypeChoice: Encodable {
        let id: String
        let name: String
        let involvesCarer: Bool
    }

    struct Check: Encodable {
        let key: String
        let checked: Bool
    }

    let programmeTypes: [TypeChoice]
    let identifierTypes = IdentifierType.allCases.map(\.rawValue)
    let carerSessions: [Check]
    /// Carer fields stay visible whatever the chosen type while they hold something, so a person
    /// can clear them; otherwise the stylesheet hides them for types without carer involvement.
    let showCarer: Bool

    init(_ types: [ProgrammeType], form: PatientDetailsForm) {
        programmeTypes = types.map { TypeChoice(id: $0.id?.uuidString ?? "", name: $0.name, involvesCarer: $0.involvesCarer) }
        carerSessions = PatientDetails.carerSessionKinds.map { Check(key: $0, checked: (form.carerSessions ?? []).contains($0)) }
        showCarer = !form.carerName.trimmed.isEmpty || !form.carerRelationship.trimmed.isEmpty || !(form.carerSessions ?? []).isEmpty
    }
}
