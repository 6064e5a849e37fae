package org.opencsms.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opencsms.it.Server;
import org.opencsms.testkit.ChargePointClient;

/**
 * The console in a real browser (headless Chromium) against the running server, with simulated charge
 * points on real WebSockets. Each test leaves a screenshot in target/console-screenshots.
 */
class ConsoleBrowserIT {
    static final String BASE = Server.httpBase();
    static Browser admin;

    @BeforeAll
    static void logIn() {
        admin = Browser.loggedIn(BASE, "admin", "admin");
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void everyPageNeedsALoginAndAWrongPasswordIsRefused() throws Exception {
        try (Browser b = new Browser(BASE)) {
            b.open("/");
            b.waitFor(d -> d.getCurrentUrl().contains("/login.xhtml"));
            b.open("/console/charge-points.xhtml");
            b.waitFor(d -> d.getCurrentUrl().contains("/login.xhtml"));
            b.login("admin", "not-the-password");
            b.awaitText(By.id("login:messages"), "Wrong user name or password");
            b.screenshot("login-refused");
            b.login("admin", "admin");
            b.waitFor(d -> d.getCurrentUrl().contains("/console/index.xhtml"));
            b.click(By.id("session:logout"));
            b.waitFor(d -> d.getCurrentUrl().contains("/login.xhtml"));
            b.open("/console/index.xhtml");
            b.waitFor(d -> d.getCurrentUrl().contains("/login.xhtml"));
        }
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(BASE + "/console/export/transactions.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode(), "the CSV export needs a login too");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> root = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(BASE + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(root.body().contains("Charge points registered"), "the root serves no console page without a login");
    }

    @Test
    void aRegisteredChargePointComesOnlineOnTheDashboardWithoutAReload() throws Exception {
        String id = Server.uniqueId("UI-REG");
        admin.open("/console/charge-points.xhtml");
        admin.type(By.id("register:newId"), id);
        admin.click(By.id("register:add"));
        admin.awaitText(By.id("messages"), "Charge point " + id + " registered");
        admin.type(By.id("list:search"), id);
        admin.awaitText(By.id("list:table"), id);
        admin.screenshot("charge-points");

        admin.open("/console/index.xhtml");
        admin.find(By.id("connected"));
        assertFalse(admin.find(By.id("activity")).getText().contains(id));
        admin.markPage();
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            cp.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            admin.awaitText(By.id("activity"), id);
            admin.awaitText(By.id("activity"), "connector 1: Available");
            assertEquals(Long.toString(Server.get("/api/charge-points").array().stream()
                            .filter(c -> c.asJsonObject().getBoolean("connected")).count()),
                    admin.find(By.id("connected")).getText().trim(), "the dashboard's count is the live one");
            assertTrue(admin.pageNotReloaded(), "the dashboard updated itself");
            admin.screenshot("dashboard");
        }
    }

    @Test
    void remoteStartFromTheCommandPanelShowsTheAnswerAndTheTransactionAppearsLive() throws Exception {
        String id = Server.uniqueId("UI-RS");
        Server.register("{\"id\":\"" + id + "\"}");
        String tag = Server.uniqueId("T");
        assertEquals(201, Server.post("/api/id-tags", "{\"idTag\":\"" + tag + "\"}").status());
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            admin.open("/console/charge-point.xhtml?id=" + id);
            admin.click(By.xpath("//a[normalize-space(.)='Commands']"));
            assertEquals("RemoteStartTransaction", admin.select("tabs:command:action").getFirstSelectedOption()
                    .getAttribute("value"));
            admin.type(By.cssSelector("[id$=':text'][name*='command']"), tag);
            admin.click(By.id("tabs:command:send"));
            JsonArray call = cp.next();
            assertEquals("RemoteStartTransaction", call.getString(2));
            assertEquals(tag, call.getJsonObject(3).getString("idTag"));
            cp.answer(call, "{\"status\":\"Accepted\"}");
            admin.awaitText(By.id("tabs:outcome"), "RESULT");
            admin.awaitText(By.id("answer"), "Accepted");
            admin.awaitText(By.id("tabs:history"), "RemoteStartTransaction");
            admin.screenshot("command-panel");

            admin.open("/console/transactions.xhtml?chargePointId=" + id);
            admin.markPage();
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
            int tx = cp.ok("StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"meterStart\":1000,"
                    + "\"timestamp\":\"" + start + "\"}").getInt("transactionId");
            admin.awaitText(By.id("list:table"), tag);
            assertTrue(admin.pageNotReloaded(), "the list updated itself");
            for (int i = 1; i <= 6; i++) {
                cp.ok("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                        + start.plusSeconds(60L * i) + "\",\"sampledValue\":[{\"value\":\"" + (1000 + 250 * i)
                        + "\"},{\"value\":\"" + (14.5 + i % 2) + "\",\"measurand\":\"Power.Active.Import\",\"unit\":\"kW\"}]}]}");
            }
            cp.ok("StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":2600,\"timestamp\":\""
                    + start.plusSeconds(420) + "\"}");
            admin.screenshot("transactions");

            admin.open("/console/transaction.xhtml?id=" + tx);
            admin.awaitText(By.id("value-count"), "12");
            admin.awaitText(By.id("energy"), "1.6 kWh");
            admin.waitFor(d -> Boolean.TRUE.equals(admin.script(
                    "var c = document.querySelector('#chart canvas'); return c != null && c.width > 0 && c.height > 0;")));
            admin.screenshot("transaction-chart");

            HttpResponse<String> csv = admin.get("/console/export/meter-values.csv?id=" + tx);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            String[] lines = csv.body().split("\r\n");
            assertEquals("timestamp,measurand,value,unit,phase,context,location,format", lines[0]);
            assertEquals(13, lines.length, csv.body());
            HttpResponse<String> list = admin.get("/console/export/transactions.csv?chargePointId=" + id);
            assertTrue(list.body().contains("\r\n" + tx + "," + id + ",1," + tag + ","), list.body());
        }
    }

    @Test
    void aCommandChosenInThePanelGetsItsOwnFormAndACallErrorIsShown() throws Exception {
        String id = Server.uniqueId("UI-RST");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            admin.open("/console/charge-point.xhtml?id=" + id);
            admin.click(By.xpath("//a[normalize-space(.)='Commands']"));
            admin.choose("tabs:command:action", "Reset");
            admin.waitFor(d -> !d.findElements(By.cssSelector("[id$=':choice']")).isEmpty());
            admin.choose(admin.driver().findElement(By.cssSelector("[id$=':choice']")).getAttribute("id"), "Hard");
            admin.click(By.id("tabs:command:send"));
            JsonArray call = cp.next();
            assertEquals("Reset", call.getString(2));
            assertEquals("Hard", call.getJsonObject(3).getString("type"));
            cp.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no hard reset here\",{}]");
            admin.awaitText(By.id("tabs:outcome"), "CALL_ERROR");
            admin.awaitText(By.id("answer"), "NotSupported: no hard reset here");
            admin.screenshot("command-call-error");
        }
    }

    @Test
    void theConfigurationTabReadsTheKeysAndChangesAWritableOne() throws Exception {
        String id = Server.uniqueId("UI-CFG");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            admin.open("/console/charge-point.xhtml?id=" + id);
            admin.click(By.xpath("//a[normalize-space(.)='Configuration']"));
            admin.click(By.id("tabs:config:read"));
            JsonArray call = cp.next();
            assertEquals("GetConfiguration", call.getString(2));
            cp.answer(call, "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
                    + "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"2\"}],\"unknownKey\":[]}");
            admin.awaitText(By.id("tabs:config:keyTable"), "HeartbeatInterval");
            admin.awaitText(By.id("tabs:config:keyTable"), "read-only");
            changeHeartbeatIntervalTo60(cp, "RebootRequired");
            admin.screenshot("configuration");
        }
    }

    /** An admin sets a charge point's validation to relaxed; from its next connection its sloppy messages pass. */
    @Test
    void theSettingsTabSetsTheValidationMode() {
        String id = Server.uniqueId("UI-VAL");
        Server.register("{\"id\":\"" + id + "\"}");
        String sloppyBoot = "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Old\",\"firmwareBuild\":\"7\"}";
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            assertEquals(4, cp.call("BootNotification", sloppyBoot).getInt(0), "strict by default: a CALLERROR");
        }
        admin.open("/console/charge-point.xhtml?id=" + id);
        admin.awaitText(By.id("tabs:validation"), "strict");
        admin.click(By.xpath("//a[normalize-space(.)='Settings']"));
        admin.choose("tabs:settings:validationMode", "relaxed");
        admin.click(By.id("tabs:settings:saveValidation"));
        admin.awaitText(By.id("messages"), "Validation of " + id + " is relaxed");
        admin.screenshot("validation-relaxed");
        admin.click(By.xpath("//a[normalize-space(.)='Overview']"));
        admin.awaitText(By.id("tabs:validation"), "relaxed");
        assertEquals("relaxed", Server.get("/api/charge-points/" + id).object().getString("validation"));
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            assertEquals("Accepted", cp.ok("BootNotification", sloppyBoot).getString("status"));
        }
    }

    /**
     * The configuration tab shows what the CMS stored from the last GetConfiguration answer, whoever sent
     * it: here the REST API, while the charge point was connected; the page is opened afterwards (the
     * charge point gone) and nobody presses Read. A stored writable key can still be changed.
     */
    @Test
    void theConfigurationTabShowsTheStoredKeysWithoutReadingThemAgain() throws Exception {
        String id = Server.uniqueId("UI-CFGS");
        Server.register("{\"id\":\"" + id + "\"}");
        By readonlyRow = By.xpath("//tr[td[normalize-space(.)='NumberOfConnectors']]");
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            openConfigurationTab(id);
            admin.awaitText(By.id("tabs:config:neverRead"), "Never read");
            assertTrue(admin.all(By.id("tabs:config:lastRead")).isEmpty());
            assertTrue(admin.all(readonlyRow).isEmpty(), "nothing stored yet");

            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> Server.post(
                    "/api/charge-points/" + id + "/commands/GetConfiguration", "{}").status());
            JsonArray call = cp.next();
            assertEquals("GetConfiguration", call.getString(2));
            cp.answer(call, "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
                    + "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"2\"},"
                    + "{\"key\":\"VendorText\",\"readonly\":true,\"value\":\"<img src=x onerror=w=3>\"}]}");
            assertEquals(200, read.get(20, TimeUnit.SECONDS));
        }
        Instant readAt = Instant.parse(Server.get("/api/charge-points/" + id + "/configuration").object()
                .getString("readAt"));
        String shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC).format(readAt);

        openConfigurationTab(id);
        admin.awaitText(By.id("tabs:config:keyTable"), "HeartbeatInterval");
        admin.awaitText(By.id("tabs:config:lastRead"), "Last read " + shown);
        assertTrue(admin.all(By.id("tabs:config:neverRead")).isEmpty());
        assertEquals("300", admin.find(By.xpath("//tr[td[normalize-space(.)='HeartbeatInterval']]/td[2]")).getText().trim());
        assertEquals("2", admin.find(By.xpath("//tr[td[normalize-space(.)='NumberOfConnectors']]/td[2]")).getText().trim());
        assertTrue(admin.find(readonlyRow).getText().contains("read-only"));
        assertTrue(admin.all(By.xpath("//tr[td[normalize-space(.)='NumberOfConnectors']]//button")).isEmpty(),
                "a read-only key has no Edit");
        assertEquals("<img src=x onerror=w=3>",
                admin.find(By.xpath("//tr[td[normalize-space(.)='VendorText']]/td[2]")).getText().trim());
        assertEquals(null, admin.script("return window.w === undefined ? null : window.w;"));
        assertTrue(admin.all(By.id("tabs:config:configWaiting")).isEmpty(), "nothing was read from this page");
        admin.screenshot("configuration-stored");

        // another charge point, never read
        String other = Server.uniqueId("UI-CFGN");
        Server.register("{\"id\":\"" + other + "\"}");
        openConfigurationTab(other);
        admin.awaitText(By.id("tabs:config:neverRead"), "Never read");
        assertTrue(admin.all(By.xpath("//tr[td[normalize-space(.)='HeartbeatInterval']]")).isEmpty());

        // a stored key is edited without reading the configuration first
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            openConfigurationTab(id);
            changeHeartbeatIntervalTo60(cp, "Accepted");
        }
    }

    private static void openConfigurationTab(String id) {
        admin.open("/console/charge-point.xhtml?id=" + id);
        admin.click(By.xpath("//a[normalize-space(.)='Configuration']"));
    }

    /** The same dashboard at a tablet's width (portrait): one column, nothing cut off. */
    @Test
    void theDashboardFitsATablet() {
        try (Browser tablet = Browser.loggedIn(BASE, "admin", "admin")) {
            tablet.driver().manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
            tablet.open("/console/index.xhtml");
            tablet.find(By.id("activity"));
            Object overflow = tablet.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "no horizontal scrolling on a tablet");
            tablet.screenshot("dashboard-tablet");
        }
    }

    @Test
    void aTagBlockedInTheConsoleIsRefusedAtTheNextAuthorize() throws Exception {
        String id = Server.uniqueId("UI-TAG");
        Server.register("{\"id\":\"" + id + "\"}");
        String tag = Server.uniqueId("B");
        admin.open("/console/id-tags.xhtml");
        admin.click(By.id("tags:new"));
        admin.type(By.id("edit:idTag"), tag);
        admin.click(By.id("edit:save"));
        admin.awaitText(By.id("messages"), "Id tag " + tag + " created");
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            assertEquals("Accepted", cp.ok("Authorize", "{\"idTag\":\"" + tag + "\"}")
                    .getJsonObject("idTagInfo").getString("status"));
            admin.type(By.cssSelector("input[id^='tags:table'][id$=':filter']"), tag);
            By block = By.xpath("//tr[.//span[normalize-space(.)='" + tag + "']]//button[contains(@class,'block')]");
            admin.click(block);
            admin.awaitText(By.id("messages"), "Id tag " + tag + " blocked");
            admin.screenshot("id-tags");
            assertEquals("Blocked", cp.ok("Authorize", "{\"idTag\":\"" + tag + "\"}")
                    .getJsonObject("idTagInfo").getString("status"));
        }
    }

    @Test
    void aViewerSeesEverythingAndCanChangeNothing() throws Exception {
        String viewer = "viewer" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        admin.open("/console/users.xhtml");
        admin.type(By.id("users:name"), viewer);
        admin.type(By.id("users:password"), "viewer-pass-1");
        admin.click(By.id("users:create"));
        admin.awaitText(By.id("messages"), "User " + viewer + " created (viewer)");
        String id = Server.uniqueId("UI-VIEW");
        Server.register("{\"id\":\"" + id + "\"}");
        try (Browser b = Browser.loggedIn(BASE, viewer, "viewer-pass-1")) {
            b.open("/console/charge-points.xhtml");
            b.find(By.id("list:table"));
            assertTrue(b.all(By.id("register:add")).isEmpty(), "no registration form for a viewer");
            b.open("/console/charge-point.xhtml?id=" + id);
            b.click(By.xpath("//a[normalize-space(.)='Commands']"));
            assertTrue(b.all(By.id("tabs:command:send")).isEmpty(), "no command panel for a viewer");
            b.open("/console/id-tags.xhtml");
            b.find(By.id("tags:table"));
            assertTrue(b.all(By.id("tags:new")).isEmpty(), "no tag creation for a viewer");
            b.open("/console/users.xhtml");
            assertTrue(b.all(By.id("users:create")).isEmpty());
            b.screenshot("viewer");
            HttpResponse<String> api = b.http(HttpRequest.newBuilder(URI.create(BASE + "/api/charge-points"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((viewer + ":viewer-pass-1").getBytes())).GET());
            assertEquals(403, api.statusCode(), "the REST API is for admins");
        }
    }

    @Test
    void aScriptInAVendorStringIsShownAsText() throws Exception {
        String id = Server.uniqueId("UI-XSS");
        Server.register("{\"id\":\"" + id + "\"}");
        String vendor = "<svg onload=w=1>";
        try (ChargePointClient cp = ChargePointClient.connect(id)) {
            cp.ok("BootNotification", "{\"chargePointVendor\":\"" + vendor
                    + "\",\"chargePointModel\":\"<script>w=2</script>\"}");
            admin.open("/console/charge-point.xhtml?id=" + id);
            admin.awaitText(By.id("tabs:vendor"), vendor);
            admin.awaitText(By.id("tabs:model"), "<script>w=2</script>");
            assertEquals(null, admin.script("return window.w === undefined ? null : window.w;"));
            admin.screenshot("escaped-vendor");
        }
    }

    @Test
    void aFormSentWithoutItsTokenIsRefused() throws Exception {
        String tag = Server.uniqueId("C");
        String fields = "edit=edit&edit%3AidTag=" + tag + "&edit%3Astatus_input=Accepted&edit%3Asave=edit%3Asave";
        // the id tag form as a page of another site would send it with the admin's cookie: without the
        // view state, and with a made-up one
        HttpResponse<String> without = admin.http(form("/console/id-tags.xhtml", fields));
        HttpResponse<String> madeUp = admin.http(form("/console/id-tags.xhtml",
                fields + "&jakarta.faces.ViewState=QUJDREVGR0hJSktMTU5PUA%3D%3D"));
        assertEquals(403, without.statusCode(), without.body());
        assertTrue(without.body().contains("You may not do this"), without.body());
        assertEquals(302, madeUp.statusCode(), madeUp.body());
        assertTrue(madeUp.headers().firstValue("Location").orElse("").endsWith("/expired.xhtml"),
                "refused as an expired form: " + madeUp.headers().map());
        assertEquals(404, Server.get("/api/id-tags/" + tag).status(), "nothing was created");
    }

    private static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Edits the HeartbeatInterval row of the open configuration tab to 60; the charger answers {@code status}. */
    private static void changeHeartbeatIntervalTo60(ChargePointClient cp, String status) {
        admin.click(By.xpath("//tr[td[normalize-space(.)='HeartbeatInterval']]//button"));
        admin.type(By.id("tabs:config:value"), "60");
        admin.click(By.id("tabs:config:save"));
        JsonArray change = cp.next();
        assertEquals("ChangeConfiguration", change.getString(2));
        assertEquals("HeartbeatInterval", change.getJsonObject(3).getString("key"));
        assertEquals("60", change.getJsonObject(3).getString("value"));
        cp.answer(change, "{\"status\":\"" + status + "\"}");
        admin.awaitText(By.id("tabs:config:changeResult"), status);
    }
}
