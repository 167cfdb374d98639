import ServiceLifecycle

/// The service that ends the live-reload streams once the server group starts shutting down.
/// The group shuts its services down in reverse order, and this one comes after the HTTP server:
/// the streams end first, so the server, which waits for open responses, can stop.
struct LiveReloadShutdown: Service {
    let liveReload: LiveReload

    func run() async throws {
        // Throws when the group is cancelled instead: it failed (the port was taken, and the next one
        // will be tried with the same streams), and its open streams end with their cancelled tasks.
        do { try await gracefulShutdown() } catch { return }
        liveReload.close()
    }
}
