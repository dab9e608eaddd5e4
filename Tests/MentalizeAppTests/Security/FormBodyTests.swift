import Foundation
@testable import MentalizeApp
import Testing

/// Form bodies are read without trusting them: any bytes give fields, never a trap (a raw body
/// handed to `URLComponents.percentEncodedQuery` once stopped the whole server).
@Suite struct FormBodyTests {
    @Test func validEncodingIsDecoded() {
        let body = FormBody(Array("whatHappened=I+felt+dropped%2C+then+angry&emotion-hurt=on&x=%C3%A9".utf8))
        #expect(body.fields == [.init(name: "whatHappened", value: "I felt dropped, then angry"), .init(name: "emotion-hurt", value: "on"), .init(name: "x", value: "é")])
    }

    @Test(arguments: [
        ("a=[", "a", "["), ("a=%", "a", "%"), ("a=%zz", "a", "%zz"), ("a=%4", "a", "%4"), ("a=100%", "a", "100%"),
        ("a=raw space\"é", "a", "raw space\"é"), ("a=%E9", "a", "\u{FFFD}"), ("=x", "", "x"), ("novalue", "novalue", ""),
    ])
    func invalidEncodingIsKeptAsSent(body: String, name: String, value: String) {
        #expect(FormBody(Array(body.utf8)).fields == [.init(name: name, value: value)])
    }

    @Test func controlBytesAndInvalidUTF8GiveTextNotATrap() {
        let bytes: [UInt8] = [0x61, 0x3D, 0x00, 0xFF, 0xFE, 0x25, 0x00, 0x26, 0x26, 0x3D, 0x3D]
        let fields = FormBody(bytes).fields
        #expect(fields.count == 2)
        #expect(fields[0].name == "a" && fields[0].value == "\u{0}\u{FFFD}\u{FFFD}%\u{0}")
        #expect(fields[1].name == "" && fields[1].value == "=")
    }
}
