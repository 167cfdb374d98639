import Hummingbird

/// Answers every request of a preview: the live-reload events and script, then the site's files
/// (`index.html` for folders, a redirect for a folder named without its slash, the site's own
/// `404.html` for anything else). Only GET and HEAD: a preview serves, it takes nothing.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The output folder and the site's base path.
    let folder: ServedFolder
    /// Where open pages listen for rebuilds.
    let liveReload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        // The target as the client sent it: decoding and checking it is `RequestPath`'s job alone.
        let target = request.uri.string
        switch target.prefix(while: { $0 != "?" }) {
        case LiveReload.path:
            return events(head: request.method == .head)
        case ReloadScript.path:
            return FileResponse(bytes: Array(ReloadScript.source.utf8), contentType: ContentType.of("reload.js")).response(to: request)
        default:
            break
        }
        guard let path = RequestPath(target: target) else { return notFound(request, sitePath: nil) }
        switch folder.lookup(path) {
        case .file(let file, let sitePath):
            guard let response = FileResponse(path: file, sitePaths: [sitePath]) else { return notFound(request, sitePath: sitePath) }
            return response.response(to: request)
        case .redirect(let location):
            return Response(status: .found, headers: [.location: location, .cacheControl: "no-cache"])
        case .notFound(let sitePath):
            return notFound(request, sitePath: sitePath)
        }
    }

    /// The site's `404.html` with status 404, or a small page of the server's own when the site
    /// has none (or no build succeeded yet): a page either way, so the reload script is in it and
    /// the page reloads when the file it asked for appears, or shows why the build failed.
    private func notFound(_ request: Request, sitePath: String?) -> Response {
        let watched = [folder.basePath + "404.html"] + (sitePath.map { [$0] } ?? [])
        if let page = folder.notFoundPage, let response = FileResponse(path: page, sitePaths: watched) {
            return response.response(to: request, status: .notFound)
        }
        let page = "<!doctype html>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n<h1>Not found</h1>\n</body>\n"
        return FileResponse(bytes: ReloadScript.inject(into: Array(page.utf8), sitePaths: watched), contentType: ContentType.of("404.html"))
            .response(to: request, status: .notFound)
    }

    /// The `text/event-stream` of rebuilds, open until the page goes or the server stops.
    private func events(head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        guard !head else { return Response(status: .ok, headers: headers) }
        guard let stream = liveReload.listen() else { return Response(status: .serviceUnavailable, headers: [.cacheControl: "no-cache"]) }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A first comment line: the browser sees the stream open at once.
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await message in stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }
}
