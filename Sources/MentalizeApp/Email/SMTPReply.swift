/// One complete server reply: a three-digit code and its text lines (one per line of a multi-line reply).
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]
    /// True when more bytes had already arrived after this reply (pipelined or injected data).
    let followedByData: Bool

    init(code: Int, lines: [String], followedByData: Bool = false) {
        self.code = code
        self.lines = lines
        self.followedByData = followedByData
    }

    /// The text of all lines joined by a space.
    var text: String { lines.joined(separator: " ") }
}
