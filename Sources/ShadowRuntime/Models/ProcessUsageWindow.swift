import ShadowCore

/// The process models' usage over one run: opened when the run begins, it gives each child's restarts and CPU
/// seconds since then and the peak RSS sampled during the run (not since the child started, which in the daemon
/// spans every run the child has served).
public struct ProcessUsageWindow: Sendable {
    /// Per process model: its supervisor and the window id on it.
    let windows: [(name: String, supervisor: ProcessSupervisor, id: Int)]

    /// Opens a window on every process model of `models` (other kinds are ignored).
    public init(_ models: [any ReplayModel]) {
        windows = models.compactMap { model in
            guard let process = model as? ProcessReplayModel else { return nil }
            return (model.name, process.supervisor, process.supervisor.openWindow())
        }
    }

    /// Closes the windows and returns the usage of each process model by name. A process model in `current` that
    /// the window does not know (a reload replaced it during the run) counts from its child's start, which falls
    /// within the run.
    public func close(current: [any ReplayModel] = []) -> [String: ProcessSummary] {
        var out: [String: ProcessSummary] = [:]
        for window in windows {
            if let usage = window.supervisor.closeWindow(window.id) { out[window.name] = usage }
        }
        for model in current {
            guard let process = model as? ProcessReplayModel,
                  !windows.contains(where: { $0.supervisor === process.supervisor }) else { continue }
            out[model.name] = process.processSummary
        }
        return out
    }
}

extension RunSummary {
    /// Fills each process model's `process` entry (restarts, CPU seconds, peak RSS) with its usage over the run
    /// `window` covers; `current` are the models in force at the run's end.
    public mutating func addProcessUsage(_ window: ProcessUsageWindow, current: [any ReplayModel] = []) {
        for (name, usage) in window.close(current: current) {
            guard let i = models.firstIndex(where: { $0.name == name }) else { continue }
            models[i].process = usage
        }
    }
}
