package org.opencsms.bench;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Non-blocking WebSocket connections for all chargers: a few Netty event-loop threads carry every
 * socket, handshake, frame and timer.
 */
final class WsClient {
    static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final String wsBase;
    private final InetSocketAddress address;
    private final long handshakeTimeoutMs;

    WsClient(String httpUrl, int threads, long connectTimeoutMs, long handshakeTimeoutMs) throws UnknownHostException {
        URI http = URI.create(httpUrl);
        if ("https".equals(http.getScheme())) {
            throw new IllegalArgumentException("wss is not supported by the load generator; use the http URL");
        }
        int port = http.getPort() > 0 ? http.getPort() : 80;
        this.wsBase = "ws://" + http.getHost() + ":" + port + "/ocpp/";
        // resolved once: no name lookup per connection
        this.address = new InetSocketAddress(InetAddress.getByName(http.getHost()), port);
        this.handshakeTimeoutMs = handshakeTimeoutMs;
        this.group = new NioEventLoopGroup(threads);
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMs)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
    }

    String wsBase() {
        return wsBase;
    }

    /** Starts connecting the charger; the outcome arrives on the charger, on its event loop. */
    void connect(SimChargePoint charger) {
        URI uri = URI.create(wsBase + charger.id);
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri,
                WebSocketVersion.V13, "ocpp1.6", false, new DefaultHttpHeaders(), MAX_FRAME);
        long start = System.nanoTime();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketFrameAggregator(MAX_FRAME), new Handler(charger, handshaker, start));
            }
        });
        b.connect(address).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                charger.onConnectFailed(describe(f.cause()), 0);
            }
        });
    }

    void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static String describe(Throwable t) {
        if (t instanceof ConnectTimeoutException) {
            return "connect timeout";
        }
        if (t instanceof ConnectException) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase().contains("refused")) {
                return "connection refused";
            }
        }
        String m = t.getMessage();
        if (m != null) {
            // no host/port details: one reason per kind of failure
            m = m.replaceAll("[:/]?\\s*/?\\d+\\.\\d+\\.\\d+\\.\\d+(:\\d+)?", "").trim();
        }
        return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private final SimChargePoint charger;
        private final WebSocketClientHandshaker handshaker;
        private final long start;
        private boolean opened;
        private boolean failed;
        private ScheduledFuture<?> handshakeTimeout;

        Handler(SimChargePoint charger, WebSocketClientHandshaker handshaker, long start) {
            this.charger = charger;
            this.handshaker = handshaker;
            this.start = start;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            handshaker.handshake(ctx.channel());
            handshakeTimeout = ctx.executor().schedule(() -> fail(ctx, "handshake timeout", 0),
                    handshakeTimeoutMs, TimeUnit.MILLISECONDS);
        }

        private void fail(ChannelHandlerContext ctx, String reason, int status) {
            if (opened || failed) {
                return;
            }
            failed = true;
            if (handshakeTimeout != null) {
                handshakeTimeout.cancel(false);
            }
            charger.onConnectFailed(reason, status);
            ctx.close();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            Channel ch = ctx.channel();
            if (!handshaker.isHandshakeComplete()) {
                if (failed) {
                    return;
                }
                if (!(msg instanceof FullHttpResponse response)) {
                    fail(ctx, "unexpected " + msg.getClass().getSimpleName() + " during handshake", 0);
                    return;
                }
                int code = response.status().code();
                if (code != 101) {
                    fail(ctx, "HTTP " + code, code);
                    return;
                }
                try {
                    handshaker.finishHandshake(ch, response);
                } catch (RuntimeException e) {
                    fail(ctx, "handshake: " + e.getMessage(), 0);
                    return;
                }
                opened = true;
                handshakeTimeout.cancel(false);
                charger.onOpen(ch, (System.nanoTime() - start) / 1000);
                return;
            }
            if (msg instanceof TextWebSocketFrame text) {
                charger.onText(text.text());
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                charger.closeCode = close.statusCode();
                charger.closeReason = close.reasonText();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (opened) {
                charger.onClosed();
            } else {
                fail(ctx, "closed during handshake", 0);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened) {
                fail(ctx, describe(cause), 0);
            } else {
                if (charger.closeCode < 0) {
                    charger.closeReason = describe(cause);
                }
                ctx.close();
            }
        }
    }
}
