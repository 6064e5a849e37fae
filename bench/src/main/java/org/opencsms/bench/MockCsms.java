package org.opencsms.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * A stand-in central system for checking the load generator itself (how many sockets and messages
 * one client JVM carries, and that the verification catches loss and duplicates): it answers every
 * OCPP 1.6 CALL at once, keeps meter values in memory, and serves just the REST calls the bench
 * makes. Not a CSMS: no database, no checks.
 *
 * <pre>java -cp csms-bench.jar org.opencsms.bench.MockCsms [port] [--lose-every N] [--duplicate-every N]</pre>
 */
public final class MockCsms {
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicLong meterValues = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Integer, List<String>> values = new ConcurrentHashMap<>();
    private final int loseEvery;
    private final int duplicateEvery;

    private MockCsms(int loseEvery, int duplicateEvery) {
        this.loseEvery = loseEvery;
        this.duplicateEvery = duplicateEvery;
    }

    public static void main(String[] args) throws Exception {
        int port = 9280, lose = 0, dup = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lose-every" -> lose = Integer.parseInt(args[++i]);
                case "--duplicate-every" -> dup = Integer.parseInt(args[++i]);
                default -> port = Integer.parseInt(args[i]);
            }
        }
        new MockCsms(lose, dup).serve(port);
    }

    private void serve(int port) throws InterruptedException {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Rest(), new WebSocketServerProtocolHandler("/ocpp", "ocpp1.6", false, 1 << 20,
                                        false, true),
                                new Ocpp());
                    }
                }).bind(port).sync().channel();
        System.err.println("mock CSMS on port " + port + (loseEvery > 0 ? ", losing every " + loseEvery + "th MeterValues"
                : "") + (duplicateEvery > 0 ? ", storing every " + duplicateEvery + "th MeterValues twice" : ""));
        workers.scheduleAtFixedRate(() -> System.err.printf("mock: %d open, %d transactions, %d MeterValues%n",
                open.get(), transactions.get(), meterValues.get()), 10, 10, java.util.concurrent.TimeUnit.SECONDS);
        server.closeFuture().sync();
    }

    /** The REST calls of the bench; anything under /ocpp goes on to the WebSocket handler. */
    private final class Rest extends SimpleChannelInboundHandler<FullHttpRequest> {
        Rest() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String uri = req.uri();
            if (uri.startsWith("/ocpp/")) {
                ctx.fireChannelRead(req);
                return;
            }
            try {
                if (uri.startsWith("/health")) {
                    respond(ctx, req, 200, "{\"status\":\"UP\",\"checks\":[]}");
                } else if (req.method() == HttpMethod.POST && uri.startsWith("/api/")) {
                    respond(ctx, req, 201, req.content().toString(StandardCharsets.UTF_8));
                } else if (req.method() == HttpMethod.GET && uri.startsWith("/api/transactions/")) {
                    int id = Integer.parseInt(uri.substring("/api/transactions/".length()));
                    List<String> list = values.get(id);
                    if (list == null) {
                        respond(ctx, req, 404, "{\"status\":404,\"error\":\"unknown\"}");
                    } else {
                        String body;
                        synchronized (list) {
                            body = "{\"id\":" + id + ",\"meterValues\":[" + String.join(",", list) + "]}";
                        }
                        respond(ctx, req, 200, body);
                    }
                } else {
                    respond(ctx, req, 404, "{\"status\":404,\"error\":\"not here\"}");
                }
            } finally {
                req.release();
            }
        }

        private void respond(ChannelHandlerContext ctx, FullHttpRequest req, int status, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(r, r.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(r, keepAlive);
            var f = ctx.writeAndFlush(r);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** OCPP-J: every CALL answered at once. */
    private final class Ocpp extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                open.incrementAndGet();
                ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            JsonArray call;
            try (JsonReader r = Json.createReader(new StringReader(frame.text()))) {
                call = r.readArray();
            }
            if (call.getInt(0) != 2) {
                return;
            }
            String uid = call.getString(1);
            String action = call.getString(2);
            JsonObject p = call.getJsonObject(3);
            String now = Instant.now().toString();
            String answer = switch (action) {
                case "BootNotification" -> "{\"status\":\"Accepted\",\"currentTime\":\"" + now + "\",\"interval\":300}";
                case "Heartbeat" -> "{\"currentTime\":\"" + now + "\"}";
                case "Authorize", "StopTransaction" -> "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
                case "StartTransaction" -> {
                    int id = transactions.incrementAndGet();
                    values.put(id, new ArrayList<>());
                    yield "{\"transactionId\":" + id + ",\"idTagInfo\":{\"status\":\"Accepted\"}}";
                }
                case "MeterValues" -> {
                    store(p);
                    yield "{}";
                }
                default -> "{}";
            };
            ctx.writeAndFlush(new TextWebSocketFrame("[3," + Json.createValue(uid) + "," + answer + "]"));
        }

        private void store(JsonObject p) {
            long n = meterValues.incrementAndGet();
            List<String> list = values.get(p.getInt("transactionId", -1));
            if (list == null || (loseEvery > 0 && n % loseEvery == 0)) {
                return;
            }
            int times = duplicateEvery > 0 && n % duplicateEvery == 0 ? 2 : 1;
            synchronized (list) {
                for (JsonValue mv : p.getJsonArray("meterValue")) {
                    String ts = mv.asJsonObject().getString("timestamp");
                    for (JsonValue sv : mv.asJsonObject().getJsonArray("sampledValue")) {
                        JsonObject s = sv.asJsonObject();
                        String v = Json.createObjectBuilder().add("timestamp", ts)
                                .add("measurand", s.getString("measurand", "Energy.Active.Import.Register"))
                                .add("value", s.getString("value")).build().toString();
                        for (int i = 0; i < times; i++) {
                            list.add(v);
                        }
                    }
                }
            }
        }
    }
}
