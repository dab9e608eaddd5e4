import Foundation
import Testing
@testable import MentalizeApp

@Suite("EmailMessage validates and renders")
struct EmailMessageTests {
    private let date = Date(timeIntervalSince1970: 1_778_490_187) // Mon, 11 May 2026 09:03:07 UTC

    @Test("an ASCII message renders exactly")
    func asciiMessage() throws {
        let message = try EmailMessage(from: "noreply@clinic.example", fromName: "Dr \"Who\"", to: "pat@example.org",
                                       subject: "Reminder", body: "Line one\nLine two\n")
        #expect(message.rendered(date: date, uniqueID: "abc") == """
            Date: Mon, 11 May 2026 09:03:07 +0000\r
            From: "Dr \\"Who\\"" <noreply@clinic.example>\r
            To: pat@example.org\r
            Subject: Reminder\r
            Message-ID: <abc@clinic.example>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Line one\r
            Line two\r

            """)
    }

    @Test("non-ASCII subject and name become UTF-8 encoded-words on short lines")
    func encodedWords() throws {
        let subject = String(repeating: "Réunion à propos de l'équipe — ", count: 4)
        let message = try EmailMessage(from: "a@clinic.example", fromName: "Zoé", to: "b@example.org",
                                       subject: subject, body: "")
        let lines = message.rendered(date: date).components(separatedBy: "\r\n")
        #expect(lines.contains("From: =?utf-8?B?Wm/DqQ==?= <a@clinic.example>"))
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        let subjectLines = [String(lines[start].dropFirst("Subject: ".count))]
            + lines[(start + 1)...].prefix { $0.hasPrefix(" ") }.map { String($0.dropFirst()) }
        #expect(subjectLines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        let decoded = try subjectLines.map { word in
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let base64 = word.dropFirst("=?utf-8?B?".count).dropLast(2)
            let data = try #require(Data(base64Encoded: String(base64)))
            return try #require(String(data: data, encoding: .utf8))
        }
        #expect(decoded.joined() == subject)
    }

    @Test("the body is quoted-printable with CRLF lines of at most 76 characters")
    func quotedPrintableBody() throws {
        let long = String(repeating: "é", count: 100)
        let body = "Café = 1 \r\n.dot\rtab\tend\t\n\(long)"
        let message = try EmailMessage(from: "a@b.example", to: "c@d.example", subject: "s", body: body)
        let rendered = message.rendered(date: date)
        let bodyText = try #require(rendered.components(separatedBy: "\r\n\r\n").last)
        let lines = bodyText.components(separatedBy: "\r\n").dropLast()
        #expect(Array(lines.prefix(3)) == ["Caf=C3=A9 =3D 1=20", ".dot", "tab\tend=09"])
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropFirst(3).dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.dropFirst(3).joined().replacingOccurrences(of: "=", with: "")
            == String(repeating: "C3A9", count: 100))
        #expect(rendered.hasSuffix("\r\n"))
        #expect(rendered.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("dot-stuffing doubles leading dots and terminates with a lone dot")
    func dotStuffing() {
        let stuffed = SMTPDataEncoding.dotStuffed(".first\r\nmiddle.\r\n..two\r\n.\r\nlast")
        #expect(String(decoding: stuffed, as: UTF8.self) == "..first\r\nmiddle.\r\n...two\r\n..\r\nlast\r\n.\r\n")
    }

    @Test("line breaks and control characters in headers are refused", arguments: [
        ("Hello\r\nBcc: x@evil.example", "subject"), ("Hello\nX", "subject"), ("Hello\rX", "subject"),
        ("Null\u{0}byte", "subject"),
    ])
    func headerInjection(subject: String, field: String) {
        #expect(throws: EmailMessageError.controlCharacterInHeader(field: field)) {
            try EmailMessage(from: "a@b.example", to: "c@d.example", subject: subject, body: "")
        }
    }

    @Test("the display name is checked like the subject")
    func displayNameInjection() {
        #expect(throws: EmailMessageError.controlCharacterInHeader(field: "from name")) {
            try EmailMessage(from: "a@b.example", fromName: "Eve\r\nBcc: x@y", to: "c@d.example", subject: "s", body: "")
        }
    }

    @Test("invalid addresses are refused", arguments: [
        "a@b.example\r\nRCPT TO:<x@y>", "no-at-sign", "@domain.example", "local@", "a b@c.example",
        "<a@b.example>", "zoé@example.org", String(repeating: "a", count: 250) + "@b.example",
    ])
    func invalidAddresses(address: String) {
        #expect(throws: EmailMessageError.invalidAddress(field: "to")) {
            try EmailMessage(from: "a@b.example", to: address, subject: "s", body: "")
        }
        #expect(throws: EmailMessageError.invalidAddress(field: "from")) {
            try EmailMessage(from: address, to: "a@b.example", subject: "s", body: "")
        }
    }

    @Test("errors name the field, not its content")
    func errorText() {
        let error = EmailMessageError.controlCharacterInHeader(field: "subject")
        #expect("\(error)" == "e-mail subject contains a line break or control character")
    }
}
