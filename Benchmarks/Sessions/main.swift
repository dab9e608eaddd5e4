import MentalizeApp

// Scheduling benchmark: the week view and caseload dashboard at 1k and 10k patients, against /healthz.
// Build and run in release: swift build -c release --product sessions-benchmark && .build/release/sessions-benchmark [patients...]
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
for patients in sizes.isEmpty ? [1_000, 10_000] : sizes {
    print(try await SessionsBenchmark.run(patients: patients))
    print("")
}
