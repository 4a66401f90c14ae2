import NIOCore
import NIOPosix

/// A server without TLS on 127.0.0.1 that answers whatever arrives with a plain `HTTP/1.1 400` and closes, as a
/// plain HTTP port does when a TLS client says hello to it.
final class PlainAnswerer: Sendable {
    let channel: any Channel
    /// The port it listens on.
    var port: Int { channel.localAddress!.port! }

    init() async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.pipeline.addHandler(Handler()) }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async { try? await channel.close() }

    final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let answer = context.channel.allocator.buffer(string: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n")
            context.writeAndFlush(wrapOutboundOut(answer)).whenComplete { _ in context.close(promise: nil) }
        }
    }
}
