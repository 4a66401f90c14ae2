import Foundation
import ShadowCore
import ShadowModels

/// Runs a user's training program: argv directly (never a shell), the window as a CSV file, and the model
/// path to write, both passed in `SHADOWD_*` environment variables; loads the model file it wrote.
///
/// Environment: `SHADOWD_TRAIN_FILE` (CSV: the feature columns, then `label`), `SHADOWD_TRAIN_FORMAT` (`csv`),
/// `SHADOWD_MODEL_OUT`, `SHADOWD_MODEL_KIND`, `SHADOWD_TASK` (binary, multiclass:K, regression),
/// `SHADOWD_FEATURES` (comma-separated), `SHADOWD_STRATEGY`, `SHADOWD_RETRAIN` (1, 2, …), `SHADOWD_ROWS`.
public struct RetrainHook: Sendable {
    public var argv: [String]
    /// Embedded kind of the model the program writes.
    public var kind: ModelSettings.Kind
    public var timeoutSeconds: Double
    /// Folder for the window and model files.
    public var workDirectory: String

    /// A hook.
    public init(argv: [String], kind: ModelSettings.Kind, timeoutSeconds: Double, workDirectory: String) {
        self.argv = argv
        self.kind = kind
        self.timeoutSeconds = timeoutSeconds
        self.workDirectory = workDirectory
    }

    /// A hook run that failed: the program, its exit status or the reason, and the end of its output.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes the window, runs the program, and loads its model (bound to `featureNames` order).
    public func train(_ window: TrainingWindow, featureNames: [String], task: ModelTask, strategy: String,
                      retrain: Int) throws -> any EmbeddedModel {
        let stem = "\(workDirectory)/\(strategy.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })-\(retrain)"
        let trainPath = stem + "-train.csv"
        let modelPath = stem + "-model" + (kind == .lightgbm ? ".txt" : ".json")
        try FileLoading.write(Array(Self.csv(window, featureNames: featureNames).utf8), to: trainPath)
        defer { try? FileManager.default.removeItem(atPath: trainPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.resolve(argv[0]))
        process.arguments = Array(argv.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        let taskName: String = switch task {
        case .binary: "binary"
        case .regression: "regression"
        case .multiclass(let k): "multiclass:\(k)"
        }
        for (key, value) in [("TRAIN_FILE", trainPath), ("TRAIN_FORMAT", "csv"), ("MODEL_OUT", modelPath),
                             ("MODEL_KIND", kind.rawValue), ("TASK", taskName),
                             ("FEATURES", featureNames.joined(separator: ",")), ("STRATEGY", strategy),
                             ("RETRAIN", String(retrain)), ("ROWS", String(window.count))] {
            environment["SHADOWD_" + key] = value
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            throw Failure(description: "hook \(argv[0]): cannot start (\(error))")
        }
        let collected = OutputCollector(output.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw Failure(description: "hook \(argv[0]): no model after \(timeoutSeconds) s (terminated)")
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let text = collected.finish()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "hook \(argv[0]) exited with status \(process.terminationStatus): "
                          + String(text.suffix(400)))
        }
        let bytes: [UInt8]
        do { bytes = try FileLoading.read(modelPath) } catch {
            throw Failure(description: "hook \(argv[0]) wrote no model at \(modelPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: modelPath) }
        let model = try EmbeddedModelLoader.load(kind: kind, bytes: bytes, source: modelPath)
        return try Self.bind(model, to: featureNames, source: modelPath)
    }

    /// Binds a loaded model's inputs to the timeline's columns by name.
    static func bind(_ model: any EmbeddedModel, to featureNames: [String], source: String) throws -> any EmbeddedModel {
        var slots: [Int] = []
        for name in model.featureNames {
            guard let slot = featureNames.firstIndex(of: name) else {
                throw Failure(description: "\(source): the model reads feature \"\(name)\", which the timeline lacks")
            }
            slots.append(slot)
        }
        return model.bound(toSlots: slots)
    }

    /// The window as CSV with a header (`x0,x1,…,label`); missing values are empty fields.
    static func csv(_ window: TrainingWindow, featureNames: [String]) -> String {
        var out = featureNames.joined(separator: ",") + ",label\n"
        let d = window.width
        for r in 0..<window.count {
            for i in 0..<d {
                let x = window.values[r * d + i]
                if !x.isNaN { out += "\(x)" }
                out += ","
            }
            out += "\(window.labels[r])\n"
        }
        return out
    }

    /// An absolute program path: as given when it has a slash, else the first match on PATH.
    static func resolve(_ program: String) throws -> String {
        if program.contains("/") { return program }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "hook program \"\(program)\" is not on PATH")
    }
}

/// Reads a child's output on a background thread so a chatty program never blocks on a full pipe.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock(); data.append(chunk); lock.unlock()
            }
            done.signal()
        }
    }

    /// Waits for end of file and returns the output as text.
    func finish() -> String {
        done.wait()
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
