package org.opencsms.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of the load generator. */
final class Options {
    String url = "http://localhost:9080";
    int chargers = 100;
    double rate = 50;
    double meterInterval = 0;
    double heartbeatInterval = 60;
    double duration = 60;
    double callTimeout = 30;
    double connectTimeout = 10;
    String runId = randomRunId();
    String adminUser = "admin";
    String adminPassword = "admin";
    long serverPid = 0;
    boolean stopTransactions = true;
    /** null: on when MeterValues are sent. */
    Boolean verify = null;
    double verifyWait = 120;
    int threads = 2;
    double canaryInterval = 2;
    int registerConcurrency = 32;
    boolean register = true;
    double progressInterval = 5;
    String tag;
    boolean help;

    static final String USAGE = """
            csms-bench: a load generator of simulated OCPP 1.6 chargers for a running OpenCSMS.

            usage: java -Xmx1g -jar csms-bench.jar [options]

              --url URL                 HTTP base of the system (REST API, /metrics; chargers connect to
                                        ws://HOST:PORT/ocpp/{id})                     [http://localhost:9080]
              --chargers N              simulated chargers                              [100]
              --rate R                  new connections per second during the ramp      [50]
              --meter-interval S        seconds between MeterValues of a charger; 0 = no transaction,
                                        heartbeats only (connection test)             [0]
              --heartbeat-interval S    seconds between Heartbeats of a charger          [60]
              --duration S              seconds of steady state (after the ramp and the starts) [60]
              --call-timeout S          a CALL unanswered this long counts as timed out [30]
              --connect-timeout S       TCP connect timeout; the WebSocket upgrade gets --call-timeout [10]
              --run-id ID               makes the ids unique: chargers BENCH-ID-n, tag BENCH-ID [random 4]
              --tag TAG                 id tag used by all chargers (max 20 chars)     [BENCH-ID]
              --admin USER:PASS         admin credentials of the REST API              [admin:admin]
              --no-register             do not register the charge points / create the tag
              --register-concurrency N  REST requests in flight while registering        [32]
              --no-stop                 do not send StopTransaction at the end
              --verify / --no-verify    check every meter value is stored exactly once [on with MeterValues]
              --verify-wait S           at most this long to wait for the server's persistence to catch
                                        up before and while verifying                  [120]
              --server-pid PID          sample the server's RSS and CPU from /proc; without it the process
                                        listening on the URL's port is looked up (local servers), else
                                        /metrics process metrics, else skipped
              --canary-interval S       seconds between persistence-lag canaries; 0 = none [2]
              --threads N               Netty event-loop threads                       [2]
              --progress S              seconds between progress lines on stderr; 0 = none [5]
              --help                    this text

            Output: a readable summary on stdout and one line 'BENCH-RESULT {json}'. Exit code 1 when
            verification found lost or duplicated meter values, 2 on a usage or setup error, else 0.
            """;

    static Options parse(String[] args) {
        Options o = new Options();
        List<String> list = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                list.add(a.substring(0, eq));
                list.add(a.substring(eq + 1));
            } else {
                list.add(a);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--help", "-h" -> o.help = true;
                case "--no-stop" -> o.stopTransactions = false;
                case "--verify" -> o.verify = true;
                case "--no-verify" -> o.verify = false;
                case "--no-register" -> o.register = false;
                default -> {
                    if (!a.startsWith("--") || i + 1 >= list.size()) {
                        throw new IllegalArgumentException("unknown or incomplete option: " + a);
                    }
                    String v = list.get(++i);
                    try {
                        o.set(a, v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + ": not a number: " + v);
                    }
                }
            }
        }
        return o.check();
    }

    private void set(String a, String v) {
        switch (a) {
            case "--url" -> url = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            case "--chargers" -> chargers = positiveInt(a, v);
            case "--rate" -> rate = positive(a, v);
            case "--meter-interval" -> meterInterval = nonNegative(a, v);
            case "--heartbeat-interval" -> heartbeatInterval = nonNegative(a, v);
            case "--duration" -> duration = nonNegative(a, v);
            case "--call-timeout" -> callTimeout = positive(a, v);
            case "--connect-timeout" -> connectTimeout = positive(a, v);
            case "--run-id" -> runId = v;
            case "--tag" -> tag = v;
            case "--admin" -> {
                int c = v.indexOf(':');
                if (c < 0) {
                    throw new IllegalArgumentException("--admin needs USER:PASS");
                }
                adminUser = v.substring(0, c);
                adminPassword = v.substring(c + 1);
            }
            case "--register-concurrency" -> registerConcurrency = positiveInt(a, v);
            case "--verify-wait" -> verifyWait = nonNegative(a, v);
            case "--server-pid" -> serverPid = Long.parseLong(v);
            case "--canary-interval" -> canaryInterval = nonNegative(a, v);
            case "--threads" -> threads = positiveInt(a, v);
            case "--progress" -> progressInterval = nonNegative(a, v);
            default -> throw new IllegalArgumentException("unknown option: " + a);
        }
    }

    private Options check() {
        if (!url.startsWith("http://")) {
            throw new IllegalArgumentException("--url must be http://HOST:PORT (chargers use ws://, not wss://)");
        }
        if (!runId.matches("[A-Za-z0-9_-]{1,30}")) {
            throw new IllegalArgumentException("--run-id: 1-30 of A-Z a-z 0-9 _ -");
        }
        if (tag == null) {
            String t = "BENCH-" + runId;
            tag = t.length() > 20 ? t.substring(0, 20) : t;
        }
        if (tag.isEmpty() || tag.length() > 20) {
            throw new IllegalArgumentException("--tag: 1-20 characters");
        }
        return this;
    }

    boolean meterValues() {
        return meterInterval > 0;
    }

    boolean verifyEnabled() {
        return verify != null ? verify : meterValues();
    }

    String chargerId(int index) {
        return "BENCH-" + runId + "-" + (index + 1);
    }

    private static int positiveInt(String name, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
        return n;
    }

    private static double positive(String name, String v) {
        double d = Double.parseDouble(v);
        if (!(d > 0)) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
        return d;
    }

    private static double nonNegative(String name, String v) {
        double d = Double.parseDouble(v);
        if (!(d >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0");
        }
        return d;
    }

    private static String randomRunId() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
