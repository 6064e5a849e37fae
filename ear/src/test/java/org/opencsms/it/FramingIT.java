package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsms.testkit.ChargePointClient;

/** Bad frames get the right CALLERROR and the session lives on. */
class FramingIT {
    private static String id;
    private static ChargePointClient charger;

    @BeforeAll
    static void connect() {
        id = Server.uniqueId("FRAME");
        Server.register("{\"id\":\"" + id + "\"}");
        charger = ChargePointClient.connect(id);
    }

    @AfterAll
    static void disconnect() {
        charger.close();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                        | this is not json                                                           | FormationViolation  | -1
            truncated JSON with an id       | [2,"m1","Heartbeat",{                                                      | FormationViolation  | m1
            object instead of array         | {"a":1}                                                                    | FormationViolation  | -1
            too short                       | [2,"m2"]                                                                   | FormationViolation  | m2
            unknown message type            | [7,"m3","Heartbeat",{}]                                                    | FormationViolation  | m3
            payload not an object           | [2,"m4","Heartbeat",[]]                                                    | FormationViolation  | m4
            unknown action                  | [2,"m5","FlyToTheMoon",{}]                                                 | NotImplemented      | m5
            action of the other direction   | [2,"m6","Reset",{"type":"Hard"}]                                           | NotSupported        | m6
            unknown property                | [2,"m7","Heartbeat",{"extra":1}]                                           | FormationViolation  | m7
            missing required property       | [2,"m8","BootNotification",{"chargePointVendor":"V"}]                      | OccurenceConstraintViolation | m8
            string too long                 | [2,"m9","BootNotification",{"chargePointVendor":"V","chargePointModel":"MMMMMMMMMMMMMMMMMMMMMMMMMM"}] | TypeConstraintViolation | m9
            wrong type                      | [2,"m10","StatusNotification",{"connectorId":"one","errorCode":"NoError","status":"Available"}] | TypeConstraintViolation | m10
            bad enum value                  | [2,"m11","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}] | PropertyConstraintViolation | m11
            negative connector              | [2,"m12","StatusNotification",{"connectorId":-1,"errorCode":"NoError","status":"Available"}] | PropertyConstraintViolation | m12
            bad date                        | [2,"m13","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"yesterday"}] | TypeConstraintViolation | m13
            """)
    void badFrameGetsCallErrorAndSessionLivesOn(String what, String frame, String code, String messageId) {
        charger.send(frame);
        JsonArray error = charger.next();
        assertEquals(4, error.getInt(0), error.toString());
        assertEquals(messageId, error.getString(1));
        assertEquals(code, error.getString(2), error.toString());
        assertFalse(error.getString(3).isEmpty());
        assertTrue(error.get(4) instanceof jakarta.json.JsonObject, "details are an object");

        assertFalse(charger.isClosed());
        assertTrue(charger.ok("Heartbeat", "{}").containsKey("currentTime"), "session still serves calls");
    }
}
