import Foundation

#if FUZZING
/// libFuzzer's driver, from its runtime (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry (SwiftPM names an executable's main `<module>_main`): hands control to
/// libFuzzer's driver.
@_cdecl("fuzz_inputs_main")
func fuzzInputsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

/// One input, as libFuzzer hands it over (its own `main` calls this name when it is the one linked).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzEntry.target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The target of this run, chosen by `MENTALIZE_FUZZ_TARGET` (see `scripts/fuzz`).
enum FuzzEntry {
    static let target: FuzzTarget = {
        guard let target = ProcessInfo.processInfo.environment["MENTALIZE_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) else {
            FileHandle.standardError.write(Data("MENTALIZE_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return target
    }()
}
#else
/// Without the fuzzer: replays every saved input (the seed corpus and every crash the fuzzer
/// found, kept as regressions) through every target. An input that traps stops this run.
@main
struct FuzzReplay {
    static func main() throws {
        let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Tests/Fuzz")
        var count = 0
        for folder in ["corpus", "regressions"] {
            let directory = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let file as URL in files where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let bytes = Array(try Data(contentsOf: file))
                for target in FuzzTarget.allCases { target.run(bytes) }
                count += 1
            }
        }
        guard count > 0 else {
            FileHandle.standardError.write(Data("no saved fuzz inputs under \(root.path)\n".utf8))
            exit(1)
        }
        print("fuzz replay: \(count) saved inputs through \(FuzzTarget.allCases.count) targets, none stopped the process")
    }
}
#endif
