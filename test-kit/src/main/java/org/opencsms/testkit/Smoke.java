package org.opencsms.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * The smoke test of a running system, through its public interfaces only: REST as the admin and a
 * real WebSocket charger. With one URL everything goes to that node; with two, the charger connects
 * to the second node and every REST call (registration, the command) goes to the first, so a
 * command must cross from node 1 to the charger's node 2.
 *
 * <pre>java -jar test-kit/target/csms-smoke.jar [--admin user:password] [--wait seconds] http://localhost:9080 [http://localhost:9081]</pre>
 *
 * Prints one line per step and exits 0 when every step passed, 1 at the first failure.
 */
public final class Smoke {
    private final List<Api> nodes;
    private final Api rest;
    private final Target chargerNode;
    private final Duration wait;
    private final Instant started = Instant.now();
    private int steps;

    private Smoke(List<Api> nodes, Duration wait) {
        this.nodes = nodes;
        this.rest = nodes.get(0);
        this.chargerNode = nodes.get(nodes.size() - 1).target();
        this.wait = wait;
    }

    public static void main(String[] args) {
        String admin = "admin:admin";
        int waitSeconds = 180;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--admin" -> admin = args[++i];
                case "--wait" -> waitSeconds = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> urls.add(args[i]);
            }
        }
        if (urls.isEmpty() || urls.size() > 2 || !admin.contains(":")) {
            usage();
            System.exit(2);
        }
        String user = admin.substring(0, admin.indexOf(':'));
        String password = admin.substring(admin.indexOf(':') + 1);
        List<Api> nodes = urls.stream().map(u -> new Api(Target.of(u, user, password))).toList();
        try {
            new Smoke(nodes, Duration.ofSeconds(waitSeconds)).run();
        } catch (Throwable e) {
            System.out.println("[FAIL] " + e);
            // the causes say why (a refused upgrade's status, a timeout, a refused connection)
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                System.out.println("       caused by " + c);
            }
            System.out.println("smoke: FAILED");
            System.exit(1);
        }
    }

    private static void usage() {
        System.out.println("usage: java -jar csms-smoke.jar [--admin user:password] [--wait seconds] URL [URL2]\n"
                + "  URL   the node that takes the REST calls, e.g. http://localhost:9080\n"
                + "  URL2  another node of the same system, to which the charger connects");
    }

    private void run() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonObject ready = nodes.get(i).awaitReady(wait);
            String node = Api.nodeId(ready);
            ids.add(node);
            ok("node " + (i + 1) + " " + nodes.get(i).target().httpBase() + " is ready, node id " + node);
        }
        if (nodes.size() == 2) {
            check(!ids.get(0).equals(ids.get(1)), "the two nodes have distinct node ids: " + ids);
        }
        String via = nodes.size() == 2 ? " via node 1" : "";
        String on = nodes.size() == 2 ? " on node 2" : "";

        String cp = Api.uniqueId("SMOKE");
        String tag = Api.uniqueId("SMK");
        expect(201, rest.post("/api/charge-points", "{\"id\":\"" + cp + "\"}"), "register charge point " + cp + via);
        expect(201, rest.post("/api/id-tags", "{\"idTag\":\"" + tag + "\"}"), "register id tag " + tag + via);

        try (ChargePointClient charger = ChargePointClient.connect(chargerNode, cp)) {
            check("ocpp1.6".equals(charger.subprotocol()), "subprotocol ocpp1.6 negotiated");
            ok("charger " + cp + " connected" + on + " (" + chargerNode.wsBase() + cp + ")");

            JsonObject boot = charger.ok("BootNotification",
                    "{\"chargePointVendor\":\"OpenCSMS\",\"chargePointModel\":\"Smoke\"}");
            check("Accepted".equals(boot.getString("status")), "BootNotification answered Accepted: " + boot);
            ok("BootNotification -> " + boot.getString("status") + ", heartbeat interval " + boot.getInt("interval") + " s");
            charger.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            ok("StatusNotification -> answered");

            JsonObject auth = charger.ok("Authorize", "{\"idTag\":\"" + tag + "\"}");
            String authStatus = auth.getJsonObject("idTagInfo").getString("status");
            check("Accepted".equals(authStatus), "Authorize of " + tag + " answered Accepted: " + auth);
            ok("Authorize " + tag + " -> " + authStatus);

            Instant t0 = Instant.now().minusSeconds(120);
            JsonObject start = charger.ok("StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + tag
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + t0 + "\"}");
            check("Accepted".equals(start.getJsonObject("idTagInfo").getString("status")),
                    "StartTransaction accepted: " + start);
            int tx = start.getInt("transactionId");
            ok("StartTransaction -> transaction " + tx + " Accepted");

            int samples = 0;
            for (int i = 1; i <= 3; i++) {
                charger.ok("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                        + t0.plusSeconds(30L * i) + "\",\"sampledValue\":[{\"value\":\"" + (1000 + 800 * i)
                        + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},{\"value\":\"11000\","
                        + "\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}");
                samples += 2;
            }
            ok("MeterValues x3 (" + samples + " sampled values) -> answered");
            charger.ok("StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":3500,\"timestamp\":\""
                    + t0.plusSeconds(110) + "\",\"reason\":\"Local\"}");
            ok("StopTransaction -> answered");

            int expectedSamples = samples;
            JsonObject stored = rest.awaitObject("/api/transactions/" + tx, o -> !o.isNull("stopTimestamp")
                    && o.getJsonArray("meterValues").size() >= expectedSamples, Duration.ofSeconds(30));
            check(stored.getJsonNumber("energyWh").longValue() == 2500, "energy 2500 Wh: " + stored);
            check(stored.getJsonArray("meterValues").size() == expectedSamples,
                    "each sampled value stored once: " + stored.getJsonArray("meterValues").size());
            ok("transaction " + tx + " reads back" + via + ": " + stored.getJsonNumber("energyWh") + " Wh, "
                    + stored.getJsonArray("meterValues").size() + " meter values, stopped");

            rest.awaitObject("/api/charge-points/" + cp, o -> o.getBoolean("connected"), Duration.ofSeconds(30));
            long sent = System.nanoTime();
            CompletableFuture<Reply> reset = CompletableFuture.supplyAsync(() -> rest.post(
                    "/api/charge-points/" + cp + "/commands/Reset", "{\"type\":\"Soft\"}"));
            JsonArray call = charger.next();
            check(call.getInt(0) == 2 && "Reset".equals(call.getString(2))
                    && "Soft".equals(call.getJsonObject(3).getString("type")), "the charger received Reset: " + call);
            charger.answer(call, "{\"status\":\"Accepted\"}");
            Reply answer = reset.get(60, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            check(answer.status() == 200 && "Accepted".equals(answer.object().getString("status")),
                    "REST returned the charger's answer: " + answer);
            ok("Reset" + via + " reached the charger" + on + "; REST answered " + answer.status() + " "
                    + answer.body() + " in " + ms + " ms");

            JsonArray unknown = charger.call("FooBar", "{}");
            check(unknown.getInt(0) == 4 && "NotImplemented".equals(unknown.getString(2)),
                    "unknown action answered CALLERROR NotImplemented: " + unknown);
            ok("unknown action FooBar -> CALLERROR " + unknown.getString(2));
        }
        System.out.println("smoke: PASSED (" + steps + " steps in "
                + Duration.between(started, Instant.now()).toMillis() / 1000.0 + " s)");
    }

    private void expect(int status, Reply reply, String what) {
        check(reply.status() == status, what + ": expected " + status + ", got " + reply);
        ok(what + " (" + status + ")");
    }

    private void ok(String what) {
        steps++;
        System.out.println("[ok] " + what);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
