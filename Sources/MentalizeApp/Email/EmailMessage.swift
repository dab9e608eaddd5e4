/// A plain-text UTF-8 e-mail to one recipient.
///
/// The initializer rejects anything that could inject headers or SMTP commands
/// (line breaks and other control characters in addresses, display name and subject).
public struct EmailMessage: Sendable, Equatable {
    public let from: String
    public let fromName: String?
    public let to: String
    public let subject: String
    public let body: String

    /// - Throws: ``EmailMessageError`` naming the offending field (not its content).
    public init(from: String, fromName: String? = nil, to: String, subject: String, body: String) throws {
        try Self.validateAddress(from, field: "from")
        try Self.validateAddress(to, field: "to")
        if let fromName { try Self.validateHeaderText(fromName, field: "from name") }
        try Self.validateHeaderText(subject, field: "subject")
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.body = body
    }

    /// The part of `from` after the last "@", used for the Message-ID.
    var fromDomain: Substring {
        from.split(separator: "@").last ?? from[...]
    }

    /// Accepts `local@domain` in printable ASCII without spaces or angle brackets, at most 254 octets.
    private static func validateAddress(_ address: String, field: String) throws {
        guard address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              !address.contains("<"), !address.contains(">"),
              address.utf8.count <= 254,
              let at = address.lastIndex(of: "@"),
              at != address.startIndex, address.index(after: at) != address.endIndex
        else {
            throw EmailMessageError.invalidAddress(field: field)
        }
    }

    /// Rejects CR, LF and other control characters (tab is allowed).
    private static func validateHeaderText(_ text: String, field: String) throws {
        let isControl: (Unicode.Scalar) -> Bool = { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
        guard !text.unicodeScalars.contains(where: isControl) else {
            throw EmailMessageError.controlCharacterInHeader(field: field)
        }
    }
}

/// Why an ``EmailMessage`` could not be built. The text names the field, never its content.
public enum EmailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAddress(field: String)
    case controlCharacterInHeader(field: String)

    public var description: String {
        switch self {
        case .invalidAddress(let field):
            "e-mail \(field) address is not a valid ASCII address of the form local@domain"
        case .controlCharacterInHeader(let field):
            "e-mail \(field) contains a line break or control character"
        }
    }
}
