import Foundation
import MentalizeCore
import Vapor

/// A change to an account (created, disabled, enabled, a role decided, notification choices)
/// recorded as the actor's audited `accountData` write naming the account and saying what changed.
enum AccountAudit {
    static func record(_ request: Request, actor: SignedInUser, role: Role, account: UUID, change: String) async throws {
        try await request.recordAudit([AuditEntry(actorID: actor.id, actorRole: role, patientID: nil, recordType: RecordKind.accountData.rawValue,
                                                  recordID: account.uuidString, action: .write, outcome: .allowed,
                                                  requestID: request.requestID, breakGlass: false, detail: change)])
    }
}
