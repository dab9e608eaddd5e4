/// What a notification says: a subject, a plain-text body and a link into Mentalize (a path; the
/// clinic's public address is put in front when it is sent). It never names a patient or quotes
/// what they wrote: a notification leaves the system, so it only says where to look.
struct NotificationContent: Codable, Sendable, Equatable {
    var subject: String
    var body: String
    /// A path such as `/alerts/…`, made absolute at delivery.
    var linkPath: String
}
