@testable import MentalizeCore
import Testing

/// The QR encoder's building blocks against published values, and the symbol's structure.
/// (Decoding with a third-party reader is checked by tests-e2e/test_qr_decode.py.)
struct QRCodeTests {
    @Test("Reed-Solomon matches the published 1-M 'HELLO WORLD' example")
    func reedSolomonVector() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let expected: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        #expect(ReedSolomon.errorCorrection(for: data, count: 10) == expected)
    }

    @Test("format bits for level M match the ISO/IEC 18004 table", arguments: [
        (0, 0b101010000010010), (1, 0b101000100100101), (4, 0b100010111111001), (7, 0b100101010100000),
    ])
    func formatBits(mask: Int, bits: Int) {
        #expect(QRFunctionPatterns.formatBits(mask: mask) == bits)
    }

    @Test("version bits match the ISO/IEC 18004 table", arguments: [(7, 0x07C94), (8, 0x085BC), (10, 0x0A4D3)])
    func versionBits(version: Int, bits: Int) {
        #expect(QRFunctionPatterns.versionBits(version) == bits)
    }

    @Test("byte capacities at level M match the standard", arguments: [(1, 14), (2, 26), (6, 106), (7, 122), (10, 213)])
    func capacities(version: Int, bytes: Int) throws {
        let entry = try #require(QRVersion.all.first { $0.number == version })
        #expect(entry.byteCapacity == bytes)
        #expect(entry.dataCapacity + entry.ecPerBlock * entry.blockSizes.count
                == [1: 26, 2: 44, 6: 172, 7: 196, 10: 346][version])
    }

    @Test("the smallest version that fits is chosen; 214 bytes is too long")
    func versionChoice() throws {
        #expect(try QRCode(encoding: String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(encoding: String(repeating: "a", count: 213)).version == 10)
        #expect(throws: QRCodeError.tooLong(byteCount: 214, maximum: 213)) {
            try QRCode(encoding: String(repeating: "a", count: 214))
        }
    }

    @Test("the three finder patterns and the timing lines are in place")
    func structure() throws {
        let code = try QRCode(encoding: "otpauth://totp/Mentalize:ada?secret=JBSWY3DPEHPK3PXP&issuer=Mentalize")
        let last = code.size - 1
        #expect(code.size == 17 + 4 * code.version)
        for (x, y) in [(0, 0), (last - 6, 0), (0, last - 6)] {
            #expect(code.isDark(x: x, y: y) && code.isDark(x: x + 6, y: y + 6) && code.isDark(x: x + 3, y: y + 3))
            #expect(!code.isDark(x: x + 1, y: y + 1) && !code.isDark(x: x + 5, y: y + 5))
        }
        for index in 8...(last - 8) {
            #expect(code.isDark(x: index, y: 6) == (index % 2 == 0))
            #expect(code.isDark(x: 6, y: index) == (index % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: code.size - 8))
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: code.size))
    }

    @Test("the SVG has a quiet zone, one path and an escaped accessible name")
    func svg() throws {
        let code = try QRCode(encoding: "hello")
        let svg = code.svg(moduleSize: 5, label: "Scan <me> & \"go\"")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * 5)\""))
        #expect(svg.contains("aria-label=\"Scan &lt;me&gt; &amp; &quot;go&quot;\""))
        #expect(svg.contains("M4 4h1v1h-1z"))
        #expect(!svg.contains("<me>"))
        #expect(svg.hasSuffix("</svg>"))
    }
}
