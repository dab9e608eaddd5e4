import Crypto
import Fluent
import Foundation
import MentalizeCore

/// How the audit viewer shows patients and record kinds to its viewer (least privilege, issue 14
/// F4). A programme lead, who may list every patient's demographics, sees names (the listing is
/// audited as such). The admin, who has no clinical role, sees each patient as a stable pseudonym
/// ("P-3F9A2C1B7D", the same on every page and filter) and "clinical record" for every kind that
/// would reveal a clinical fact about that patient (a self-harm report, a risk alert, a note).
struct AuditPatientLabels {
    /// Record kinds that say nothing clinical about the patient they name.
    static let nonClinicalKinds: Set<String> = [RecordKind.demographics.rawValue, RecordKind.accountData.rawValue]
    static let clinicalRecord = "clinical record"

    private let names: [UUID: String]
    private let showsNames: Bool
    private let key: SymmetricKey

    /// Labels for the patients on one page: names when the viewer may list them (audited), else pseudonyms.
    static func load(for patientIDs: [UUID], access: PatientAccess, key: SymmetricKey, on database: any Database) async throws -> AuditPatientLabels {
        let scope = try await access.listScope(.demographics)
        let visible = Array(Set(patientIDs)).filter { scope.allRows || scope.patients.contains(PatientID($0)) }
        guard scope.allRows, !visible.isEmpty else {
            return AuditPatientLabels(names: [:], showsNames: scope.allRows, key: key)
        }
        let patients = try await AuditPatientQueries(database: database).patients(visible)
        try await access.auditListed(patients.compactMap(\.id), kind: .demographics, scope: scope)
        let names = Dictionary(patients.compactMap { patient in patient.id.map { ($0, patient.displayName) } }, uniquingKeysWith: { first, _ in first })
        return AuditPatientLabels(names: names, showsNames: true, key: key)
    }

    /// The patient as this viewer may see them.
    func patient(_ id: UUID?) -> String {
        guard let id else { return "" }
        return showsNames ? names[id] ?? id.uuidString : Self.pseudonym(id, key: key)
    }

    /// Who acted, as this viewer may see them: a patient acting on their own record is a patient,
    /// shown like one (the admin sees their pseudonym, not their account's name).
    func actor(_ name: String, role: String, patient: UUID?) -> String {
        guard !showsNames, role == Role.patient.rawValue, patient != nil else { return name }
        return self.patient(patient)
    }

    /// The record kind as this viewer may see it.
    func record(_ kind: String, patient: UUID?) -> String {
        showsNames || patient == nil || Self.nonClinicalKinds.contains(kind) ? kind : Self.clinicalRecord
    }

    /// A stable reference to a patient that does not reveal who they are: an HMAC of the id under
    /// the installation key, so it cannot be recomputed without the key.
    static func pseudonym(_ id: UUID, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("audit pseudonym v1:\(id.uuidString.lowercased())".utf8), using: key)
        return "P-" + mac.prefix(5).map { String(format: "%02X", $0) }.joined()
    }

    /// The patient a pseudonym stands for, found by computing every patient's (ids only are read).
    static func patientID(forPseudonym text: String, key: SymmetricKey, on database: any Database) async throws -> UUID? {
        let wanted = text.uppercased()
        return try await AuditPatientQueries(database: database).allPatientIDs().first { pseudonym($0, key: key) == wanted }
    }
}
