/// The size and error-correction layout of QR versions 1-10 at error-correction level M.
struct QRVersion: Sendable {
    let number: Int
    /// Error-correction codewords per block.
    let ecPerBlock: Int
    /// Data codewords of each block, in order (group 1 blocks, then group 2 blocks).
    let blockSizes: [Int]
    /// Centre coordinates of alignment patterns (both axes).
    let alignmentCentres: [Int]

    var size: Int { 17 + 4 * number }
    var dataCapacity: Int { blockSizes.reduce(0, +) }
    /// Bits of the byte-mode character count field.
    var countBits: Int { number < 10 ? 8 : 16 }
    /// Bytes that fit in byte mode: capacity minus the 4-bit mode and the count field, rounded down.
    var byteCapacity: Int { (dataCapacity * 8 - 4 - countBits) / 8 }

    /// Versions 1-10, level M (ISO/IEC 18004 table 9).
    static let all: [QRVersion] = [
        QRVersion(number: 1, ecPerBlock: 10, blockSizes: [16], alignmentCentres: []),
        QRVersion(number: 2, ecPerBlock: 16, blockSizes: [28], alignmentCentres: [6, 18]),
        QRVersion(number: 3, ecPerBlock: 26, blockSizes: [44], alignmentCentres: [6, 22]),
        QRVersion(number: 4, ecPerBlock: 18, blockSizes: [32, 32], alignmentCentres: [6, 26]),
        QRVersion(number: 5, ecPerBlock: 24, blockSizes: [43, 43], alignmentCentres: [6, 30]),
        QRVersion(number: 6, ecPerBlock: 16, blockSizes: [27, 27, 27, 27], alignmentCentres: [6, 34]),
        QRVersion(number: 7, ecPerBlock: 18, blockSizes: [31, 31, 31, 31], alignmentCentres: [6, 22, 38]),
        QRVersion(number: 8, ecPerBlock: 22, blockSizes: [38, 38, 39, 39], alignmentCentres: [6, 24, 42]),
        QRVersion(number: 9, ecPerBlock: 22, blockSizes: [36, 36, 36, 37, 37], alignmentCentres: [6, 26, 46]),
        QRVersion(number: 10, ecPerBlock: 26, blockSizes: [43, 43, 43, 43, 44], alignmentCentres: [6, 28, 50]),
    ]

    /// The smallest version that holds `byteCount` bytes, or nil when none does.
    static func smallest(holding byteCount: Int) -> QRVersion? {
        all.first { $0.byteCapacity >= byteCount }
    }
}
