/// What the actor wants to do with a record.
public enum AccessAction: String, Sendable, Codable, CaseIterable {
    /// Open one record.
    case read
    /// See the record in a list (the app scopes list queries with `AccessPolicy.listScope`).
    case list
    /// Create or change the record.
    case write
    /// Take the record out of the system (download, GDPR export).
    case export
}
