/// The optional notifications a person chose (stored on their account); the others always go.
extension UserAccount {
    var optedInKinds: Set<NotificationKind> {
        Set((notificationOptIns ?? "").split(separator: ",").compactMap { NotificationKind(rawValue: String($0)) })
    }

    func setOptedIn(_ kinds: Set<NotificationKind>) {
        notificationOptIns = kinds.filter(\.isOptIn).map(\.rawValue).sorted().joined(separator: ",")
    }
}
