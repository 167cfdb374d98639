import ServiceLifecycle

/// The service that ends the live-reload streams once the server group starts shutting down.
/// The group shuts its services down in reverse order, and this one comes after the HTTP server:
/// the streams end first, so the server, which waits for open responses, can stop.
struct LiveReloadShutdown: Service {
    let liveReload: LiveReload

    func run() async throws {
        // Throws only when the group is cancelled rather than shut down; the streams end either way.
        try? await gracefulShutdown()
        liveReload.close()
    }
}
