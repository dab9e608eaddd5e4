import Foundation

/// Common passwords nobody may choose, compared case-insensitively, with O(1) lookup.
/// The bundled list is derived from zxcvbn 4.5.0 by `scripts/derive-password-blocklist`
/// (see Resources/Passwords/LICENSE-zxcvbn.txt). Load it once at start-up and keep it.
public struct PasswordBlocklist: Sendable {
    private let entries: Set<String>

    /// A blocklist of the given entries (lower-cased on the way in).
    public init(entries: some Sequence<String>) {
        self.entries = Set(entries.map { $0.lowercased() })
    }

    /// Number of distinct entries.
    public var count: Int { entries.count }

    /// True when `password`, lower-cased, is on the list.
    public func contains(_ password: String) -> Bool {
        entries.contains(password.lowercased())
    }

    /// Loads the bundled list from `Resources/Passwords/blocklist.txt`.
    public static func loadBundled() throws(PasswordBlocklistError) -> PasswordBlocklist {
        guard let url = Bundle.module.url(forResource: "blocklist", withExtension: "txt",
                                          subdirectory: "Resources/Passwords") else {
            throw .resourceMissing
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(String(describing: error))
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw .empty }
        return PasswordBlocklist(entries: lines)
    }
}

/// The bundled blocklist could not be loaded.
public enum PasswordBlocklistError: Error, Hashable, Sendable, CustomStringConvertible {
    case resourceMissing
    case unreadable(String)
    case empty

    public var description: String {
        switch self {
        case .resourceMissing: "The password blocklist resource Resources/Passwords/blocklist.txt is missing."
        case .unreadable(let reason): "The password blocklist could not be read: \(reason)"
        case .empty: "The password blocklist is empty."
        }
    }
}
