/// The ESMTP extensions a server lists in its EHLO reply that this client uses.
struct SMTPCapabilities: Sendable, Equatable {
    var startTLS = false
    /// Upper-cased SASL mechanism names from `AUTH ...` (and the old `AUTH=...` form).
    var authMechanisms: Set<String> = []

    /// Reads the extension lines (all but the first) of a 250 EHLO reply.
    init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" })
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "AUTH": authMechanisms.formUnion(words.dropFirst().map(String.init))
            default: break
            }
        }
    }
}
