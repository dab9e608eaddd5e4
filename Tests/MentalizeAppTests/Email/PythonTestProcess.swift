import Foundation

/// A test server written in Python (`Tests/Support/*.py`): started with its own temporary folder
/// (with an `out` folder inside), it prints `PORT <n>` when ready and stops when its standard
/// input closes.
struct PythonTestProcess {
    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    let folder: URL
    private let process: Process
    private let input: Pipe

    /// Starts `script` with the arguments `arguments(folder)` returns.
    static func start(script: String, folderPrefix: String, arguments: (URL) -> [String]) async throws -> PythonTestProcess {
        let folder = FileManager.default.temporaryDirectory.appending(path: "\(folderPrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "out"), withIntermediateDirectories: true)
        let errorLog = folder.appending(path: "stderr.log")
        try Data().write(to: errorLog)
        let command = SMTPTestEnvironment.pythonCommand
        let process = Process()
        process.executableURL = URL(filePath: command[0])
        process.arguments = command.dropFirst() + ["-u", script] + arguments(folder)
        let stdout = Pipe()
        process.standardOutput = stdout
        let input = Pipe()
        process.standardInput = input
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        let line = await firstLine(of: stdout.fileHandleForReading, killing: process, after: 30)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            if process.isRunning { process.terminate() }
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: folder)
            throw StartFailed(description: "\(script) did not start (\(command.joined(separator: " "))): \(log)")
        }
        return PythonTestProcess(port: port, folder: folder, process: process, input: input)
    }

    /// Stops the server and deletes its files.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The first stdout line; the process is killed if none comes within `seconds`.
    private static func firstLine(of handle: FileHandle, killing process: Process, after seconds: Double) async -> String {
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        defer { watchdog.cancel() }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var data = Data()
                while !data.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    data.append(chunk)
                }
                let text = String(decoding: data, as: UTF8.self)
                continuation.resume(returning: String(text.prefix { $0 != "\n" }))
            }
        }
    }
}
