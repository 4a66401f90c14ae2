import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ControlConnection {
    /// Runs the handler call as a task and waits for it on this thread, watching for a hang-up and for stop.
    ///
    /// A `wait` is cancelled when its client hangs up or the server stops; other requests are short and are left
    /// to finish (their reply is dropped if the client has gone).
    func perform(_ request: ControlRequest, descriptor: Int32?) -> Outcome {
        let result = Mutex<ControlReply?>(nil)
        let handler = server.handler
        let wake = self.wake
        let task = Task {
            let reply = await Self.call(handler, request, descriptor: descriptor)
            result.withLock { $0 = reply }
            wake.signal()
        }
        let cancellable = if case .wait = request { true } else { false }
        // events 0: only POLLHUP/POLLERR matter while a request runs (a client's half-close is not a hang-up,
        // and pipelined requests stay queued in the socket).
        var fds = [pollfd(fd: fd, events: 0), pollfd(fd: wake.fd, events: POLLIN)]
        var stopNoticed = false
        while true {
            if let reply = result.withLock({ $0 }) { return stopNoticed ? .replyAndClose(reply) : .reply(reply) }
            if !stopNoticed && server.isStopping {
                stopNoticed = true
                if cancellable {
                    task.cancel()
                    return .replyAndClose(.failure(ControlError(.unavailable,
                        "shadowd is stopping; the job keeps running or resumes after restart (see shadowctl status)")))
                }
            }
            guard (try? UnixSocket.poll(&fds, milliseconds: -1)) != nil else {
                if cancellable { task.cancel() }
                return .hangUp
            }
            if fds[1].returned(POLLIN) { wake.drain() }
            if fds[0].returned(POLLHUP | POLLERR | POLLNVAL) {
                if cancellable { task.cancel() }
                return .hangUp
            }
        }
    }

    /// Calls the handler and turns its answer or error into a reply.
    static func call(_ handler: any ControlHandler, _ request: ControlRequest, descriptor: Int32?) async
        -> ControlReply
    {
        do {
            switch request {
            case .submit(let name):
                return .job(try await handler.submit(fileDescriptor: descriptor ?? -1, name: name))
            case .wait(let job):
                return .job(try await handler.wait(job: job))
            case .jobs:
                return .jobs(await handler.jobs())
            case .cancel(let job):
                return .job(try await handler.cancel(job: job))
            case .status:
                return .status(await handler.status())
            }
        } catch let error as ControlError {
            return .failure(error)
        } catch is CancellationError {
            return .failure(ControlError(.unavailable, "the \(request.op) request was cancelled"))
        } catch {
            return .failure(ControlError(.failed, "\(request.op) failed: \(error)"))
        }
    }
}
