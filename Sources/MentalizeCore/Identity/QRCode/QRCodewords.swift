/// Turns bytes into the final, interleaved codeword sequence of a QR symbol (byte mode, level M).
enum QRCodewords {
    /// Mode indicator, count, data, terminator and padding, split into blocks with error correction
    /// and interleaved.
    static func build(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        let data = dataCodewords(bytes, version: version)
        var blocks: [[UInt8]] = []
        var offset = 0
        for size in version.blockSizes {
            blocks.append(Array(data[offset..<(offset + size)]))
            offset += size
        }
        let corrections = blocks.map { ReedSolomon.errorCorrection(for: $0, count: version.ecPerBlock) }
        var result: [UInt8] = []
        let longest = version.blockSizes.max() ?? 0
        for index in 0..<longest {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<version.ecPerBlock {
            for correction in corrections { result.append(correction[index]) }
        }
        return result
    }

    /// The data codewords: 0100, the byte count, the bytes, up to four 0 bits, then 0xEC 0x11 padding.
    /// The caller has chosen a version whose `byteCapacity` holds `bytes`.
    static func dataCodewords(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, width: Int) {
            for shift in stride(from: width - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, width: 4)
        append(bytes.count, width: version.countBits)
        for byte in bytes { append(Int(byte), width: 8) }
        let capacityBits = version.dataCapacity * 8
        append(0, width: min(4, capacityBits - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var codewords: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<(start + 8)].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < version.dataCapacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}
