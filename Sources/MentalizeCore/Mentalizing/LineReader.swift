public import Foundation

/// Reads UTF-8 lines from a file handle in chunks, so large inputs stream without loading them whole.
public struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    public init(handle: FileHandle) {
        self.handle = handle
    }

    public mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Self.decode(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return Self.decode(buffer)
            }
            let chunk = handle.readData(ofLength: 64 * 1024)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }

    private static func decode(_ bytes: Data) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
