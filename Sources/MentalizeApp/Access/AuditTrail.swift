import MentalizeCore
import Vapor

extension Request {
    /// Writes audit events that are not one policy decision on one record (those go through
    /// ``PatientAccess``): changes to relationships and accounts, registrations, emergency-access
    /// requests, a calendar feed read by its secret link. The only door to the audit log besides
    /// ``PatientAccess`` and the operator commands; returns once the events are durable.
    func recordAudit(_ entries: [AuditEntry]) async throws {
        try await application.auditLog.record(entries)
    }
}
