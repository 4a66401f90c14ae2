// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "shadowd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shadowd", targets: ["shadowd"]),
        .executable(name: "shadowctl", targets: ["shadowctl"]),
        .executable(name: "shadow-bench", targets: ["shadow-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in async-http-client's graph; named so ShadowHTTPS can use their types (TLS settings, buffers, errors).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Pure core: records, comparison, latency recording, settings, store protocols. No I/O.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        .target(
            name: "ShadowCore",
            dependencies: ["CZlib", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        // Embedded model evaluators (XGBoost JSON, LightGBM text, linear JSON). Pure.
        // Complete trees evaluated sixteen rows at a time with AVX-512 (permutes and gathers); a C kernel, pure.
        .target(name: "CShadowTrees"),
        .target(name: "ShadowModels", dependencies: ["ShadowCore", "CShadowTrees"]),
        // Drift statistics, windows, streaming detectors and the trigger policy state machine. Pure.
        .target(name: "ShadowDrift", dependencies: ["ShadowCore"]),
        // Drift scenarios injected into records on the fly (shift, scale, noise, categories, labels, concept, time). Pure.
        .target(name: "ShadowScenario", dependencies: ["ShadowCore"]),
        // Backtests of retraining strategies on a labelled timeline, the built-in linear trainer and retrain hooks.
        .target(
            name: "ShadowBacktest",
            dependencies: ["ShadowCore", "ShadowModels", "ShadowDrift", "ShadowFiles", "ShadowScenario", "ShadowConfig"]
        ),
        // TOML parsing and config validation into ShadowCore settings. Pure.
        .target(name: "ShadowConfig", dependencies: ["ShadowCore"]),
        // Adapter: traffic files (JSONL, CSV) read as streaming record batches.
        .target(name: "ShadowFiles", dependencies: ["ShadowCore", "CZlib"]),
        // Adapter: SQLite store on libsqlite3.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ShadowSQLite", dependencies: ["ShadowCore", "CSQLite", "CXXHash"]),
        // Adapter: systemd (sd_notify, watchdog, journal logging through sd_journal_sendv).
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(
            name: "ShadowSystemd",
            dependencies: ["ShadowCore", "CSystemd", .product(name: "Logging", package: "swift-log")]
        ),
        // Adapter: the control socket (AF_UNIX, JSON lines, file descriptors passed with SCM_RIGHTS).
        .target(name: "CShadowSys"),
        .target(name: "ShadowControl", dependencies: ["ShadowCore", "CShadowSys"]),
        // Adapter: HTTP models (wire protocols, a lean epoll HTTP/1.1 client with a keep-alive pool per model).
        .target(name: "CShadowNet"),
        .target(name: "ShadowHTTP", dependencies: ["ShadowCore", "CShadowNet"]),
        // Adapter: https:// models on async-http-client (TLS, a pool per model); ShadowHTTP's codecs shape the bodies.
        .target(
            name: "ShadowHTTPS",
            dependencies: [
                "ShadowCore", "ShadowHTTP", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Composition: the replay engine wiring sources, models, comparison and store.
        .target(
            name: "ShadowRuntime",
            dependencies: ["ShadowCore", "ShadowModels", "ShadowConfig", "ShadowFiles", "ShadowSQLite", "ShadowScenario",
                           "ShadowHTTP", "ShadowHTTPS", "CShadowSys"]
        ),
        // Drift monitoring on replays: windows and references per feature, detectors, the trigger policy, and its
        // actions (drift/triggers tables, journal entries, exec hooks, webhooks).
        .target(
            name: "ShadowMonitor",
            dependencies: [
                "ShadowDrift", "ShadowCore", "ShadowRuntime", "ShadowSQLite", "ShadowSystemd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Adapter: the Prometheus endpoint (replay counters, text exposition 0.0.4, a small HTTP/1.1 server).
        .target(
            name: "ShadowMetrics",
            dependencies: ["ShadowCore", "ShadowRuntime", "CShadowSys"]
        ),
        // The HTML report of a run and its backtest (inline SVG charts, no script), read from the SQLite store.
        .target(
            name: "ShadowReport",
            dependencies: ["ShadowCore", "ShadowSQLite", "CZlib", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        // Composition: the daemon (jobs, sources, spool, control socket, watchdog, reload) under ServiceLifecycle.
        .target(
            name: "ShadowDaemon",
            dependencies: [
                "ShadowRuntime", "ShadowConfig", "ShadowCore", "ShadowFiles", "ShadowSQLite", "ShadowSystemd",
                "ShadowControl", "ShadowMonitor", "ShadowMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "shadowctl",
            dependencies: ["ShadowRuntime", "ShadowConfig", "ShadowCore", "ShadowControl", "ShadowMonitor", "ShadowDrift", "ShadowSQLite", "ShadowFiles", "ShadowBacktest", "ShadowReport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "shadowd",
            dependencies: ["ShadowDaemon", "ShadowConfig", "ShadowCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Measurements for scripts/bench.sh (anchors are measured by the script in the same run).
        .executableTarget(
            name: "shadow-bench",
            dependencies: ["ShadowRuntime", "ShadowConfig", "ShadowCore", "ShadowFiles", "ShadowModels", "ShadowSQLite",
                           "ShadowDrift", "ShadowBacktest"]
        ),
        // A scripted model server speaking every wire protocol (tests, e2e, benchmarks).
        .executableTarget(name: "shadow-testserver", dependencies: ["ShadowHTTP", "ShadowCore", "CShadowNet"]),
        // The HTTP client benchmark driver for scripts/bench-http.sh (the wrk anchor runs beside it).
        .executableTarget(name: "shadow-httpbench", dependencies: ["ShadowHTTP", "ShadowCore", "CShadowNet"]),
        .testTarget(name: "ShadowCoreTests", dependencies: ["ShadowCore"]),
        .testTarget(name: "ShadowModelsTests", dependencies: ["ShadowModels"]),
        .testTarget(name: "ShadowDriftTests", dependencies: ["ShadowDrift"]),
        .testTarget(name: "ShadowScenarioTests", dependencies: ["ShadowScenario"]),
        .testTarget(name: "ShadowBacktestTests", dependencies: ["ShadowBacktest"]),
        .testTarget(name: "ShadowSystemdTests", dependencies: ["ShadowSystemd"]),
        .testTarget(name: "ShadowControlTests", dependencies: ["ShadowControl"]),
        .testTarget(name: "ShadowDaemonTests", dependencies: ["ShadowDaemon", "ShadowControl", "ShadowRuntime",
                                                              .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "ShadowMonitorTests", dependencies: ["ShadowMonitor", "ShadowRuntime", "ShadowSQLite"]),
        .testTarget(name: "ShadowConfigTests", dependencies: ["ShadowConfig"]),
        .testTarget(name: "ShadowMetricsTests", dependencies: ["ShadowMetrics", "ShadowRuntime", "ShadowCore"],
                    exclude: ["Golden"]),
        .testTarget(name: "ShadowFilesTests", dependencies: ["ShadowFiles"]),
        .testTarget(name: "ShadowSQLiteTests", dependencies: ["ShadowSQLite"]),
        .testTarget(name: "ShadowRuntimeTests", dependencies: ["ShadowRuntime"]),
        .testTarget(name: "ShadowReportTests", dependencies: ["ShadowReport", "ShadowSQLite", "ShadowCore"]),
        .testTarget(name: "ShadowHTTPTests", dependencies: ["ShadowHTTP", "ShadowCore"]),
        .testTarget(name: "ShadowHTTPSTests", dependencies: [
            "ShadowHTTPS", "ShadowHTTP", "ShadowCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
    ]
)
