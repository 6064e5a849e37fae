package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opencsms.it.Server;
import org.opencsms.it.console.Browser;
import org.opencsms.testkit.ChargePointClient;

/** The console of node A shows a charge point connected to node B live, and commands it. */
class ConsoleTwoNodeBrowserIT {

    @BeforeAll
    static void bothNodesReady() {
        Node.A.awaitReady(Duration.ofSeconds(120));
        Node.B.awaitReady(Duration.ofSeconds(120));
    }

    @Test
    void theConsoleOnOneNodeSeesAndCommandsAChargePointOnTheOther() throws Exception {
        String id = Server.uniqueId("UI-2N");
        assertEquals(201, Node.A.post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        try (Browser console = Browser.loggedIn(Node.A.httpBase(), "admin", "admin")) {
            console.open("/console/index.xhtml");
            console.find(By.id("activity"));
            console.markPage();
            try (ChargePointClient cp = Node.B.connect(id)) {
                cp.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Node-B\"}");
                console.awaitText(By.id("activity"), id);
                assertTrue(console.pageNotReloaded(), "node A's dashboard updated itself");
                console.screenshot("two-nodes-dashboard");

                console.open("/console/charge-point.xhtml?id=" + id);
                console.awaitText(By.id("connection"), "Connected");
                console.click(By.xpath("//a[normalize-space(.)='Commands']"));
                console.choose("tabs:command:action", "Reset");
                console.waitFor(d -> !d.findElements(By.cssSelector("[id$=':choice']")).isEmpty());
                console.choose(console.driver().findElement(By.cssSelector("[id$=':choice']")).getAttribute("id"),
                        "Soft");
                console.click(By.id("tabs:command:send"));
                JsonArray call = cp.next();
                assertEquals("Reset", call.getString(2));
                assertEquals("Soft", call.getJsonObject(3).getString("type"));
                cp.answer(call, "{\"status\":\"Accepted\"}");
                console.awaitText(By.id("tabs:outcome"), "RESULT");
                console.awaitText(By.id("answer"), "Accepted");
                console.screenshot("two-nodes-command");
            }
        }
    }
}
