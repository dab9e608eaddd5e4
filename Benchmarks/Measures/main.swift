import MentalizeApp

// Measurement benchmark: scoring throughput and the outcome page against baselines in one run.
// Build and run in release: swift build -c release --product measures-benchmark && .build/release/measures-benchmark
print(try await MeasuresBenchmark.run())
