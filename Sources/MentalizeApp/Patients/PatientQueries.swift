import Fluent
import Foundation
import MentalizeCore
import SQLKit

/// The queries behind the patient pages (tested directly).
struct PatientQueries {
    let database: any Database

    /// The patients in this list scope, filtered in SQL, each listing audited; with a search,
    /// only those it finds (inside the scope: a search never reaches past what one may list).
    func listed(in list: PatientListScope, matching search: PatientSearch? = nil) async throws -> [Patient] {
        let scope = list.scope
        var query = Patient.query(on: database).sort(\.$familyName).sort(\.$givenName)
        if !scope.allRows {
            let ids = scope.patients.map(\.rawValue)
            guard !ids.isEmpty else { return [] }
            query = query.filter(\.$id ~~ ids)
        }
        if let search {
            let identified = try await PatientIdentifierRecord.query(on: database).filter(\.$value ~~ search.identifierForms).all(\.$patient.$id)
            // Case-insensitive on both engines: SQLite's LIKE already is for ASCII, PostgreSQL needs ILIKE.
            let like: DatabaseQuery.Filter.Method = .custom((database as? any SQLDatabase)?.dialect.name == "postgresql" ? "ILIKE" : "LIKE")
            query = query.group(.or) { either in
                either.group(.and) { all in
                    for word in search.words {
                        all.group(.or) { name in name.filter(\.$givenName, like, "%\(word)%").filter(\.$familyName, like, "%\(word)%") }
                    }
                }
                if !identified.isEmpty { either.filter(\.$id ~~ identified) }
            }
        }
        let patients = try await query.all()
        try await list.access.auditListed(try patients.map { try $0.requireID() }, kind: list.kind, scope: scope)
        return patients
    }

    /// The therapists currently responsible for a patient.
    func careTeam(of patientID: UUID, now: Date) async throws -> [String] {
        let assignments = try await CaseloadAssignmentRecord.query(on: database)
            .filter(\.$patient.$id == patientID)
            .with(\.$therapist)
            .all()
        return assignments
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
            .map(\.therapist.displayName)
            .sorted()
    }

    /// True when a patient with the same names and date of birth exists (in anyone's scope: the
    /// registration warning says only that, never who or where).
    func nameAndBirthDateTaken(givenName: String, familyName: String, dateOfBirth: String) async throws -> Bool {
        try await Patient.query(on: database).filter(\.$dateOfBirth == dateOfBirth).all().contains {
            $0.givenName.caseInsensitiveCompare(givenName) == .orderedSame && $0.familyName.caseInsensitiveCompare(familyName) == .orderedSame
        }
    }

    /// Every consent record of the patient, newest first, with who recorded it.
    func consents(of patientID: UUID) async throws -> [ConsentRecord] {
        try await ConsentRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$recordedAt, .descending).with(\.$recordedBy).all()
    }
}
