package org.opencsms.cms.command.boundary;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.ChargePointConfigurations;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConfigurationKeyView;
import org.opencsms.api.cms.ConfigurationView;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.command.entity.ReportedConfigurationKey;
import org.opencsms.cms.platform.Times;

/**
 * The configuration charge points reported. {@link CommandRecords#completed} stores every GetConfiguration
 * answered with a CALLRESULT here, in the transaction that completes the command: an answer to "all keys"
 * replaces what was stored, an answer to named keys updates those (and forgets the ones reported unknown).
 */
// also a no-interface view: the command records store through it
@LocalBean
@Stateless
public class ConfigurationReads implements ChargePointConfigurations {
    static final String GET_CONFIGURATION = "GetConfiguration";

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;

    /** A key as reported. */
    record ReportedKey(String key, boolean readonly, String value) {
    }

    @Override
    public ConfigurationView lastRead(String chargePointId) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        List<ReportedConfigurationKey> keys = em.createNamedQuery(ReportedConfigurationKey.OF_CHARGE_POINT,
                ReportedConfigurationKey.class).setParameter("cp", cp.getId()).getResultList();
        ReportedConfigurationKey newest = keys.stream()
                .max(Comparator.comparing(ReportedConfigurationKey::getReadAt)
                        .thenComparing(ReportedConfigurationKey::getCommandId)).orElse(null);
        return new ConfigurationView(chargePointId, newest == null ? null : Times.instant(newest.getReadAt()),
                newest == null ? null : newest.getCommandId(), keys.stream().map(k -> new ConfigurationKeyView(
                        k.getKey(), k.isReadonly(), k.getValue(), Times.instant(k.getReadAt()))).toList());
    }

    /** Stores a GetConfiguration's answer; joins the caller's transaction. */
    public void store(ChargePoint cp, long commandId, String request, String answer, OffsetDateTime at) {
        List<String> named = requestedKeys(request);
        JsonObject response = object(answer);
        Map<String, ReportedKey> reported = reported(response);
        if (named.isEmpty()) {
            em.createNamedQuery(ReportedConfigurationKey.CLEAR).setParameter("cp", cp.getId()).executeUpdate();
        } else if (response.get("unknownKey") instanceof JsonArray unknown) {
            for (JsonValue u : unknown) {
                if (u instanceof JsonString key && !reported.containsKey(key.getString())) {
                    ReportedConfigurationKey gone = em.find(ReportedConfigurationKey.class,
                            new ReportedConfigurationKey.ConfigurationKeyId(cp.getId(), key.getString()));
                    if (gone != null) {
                        em.remove(gone);
                    }
                }
            }
        }
        for (ReportedKey k : reported.values()) {
            ReportedConfigurationKey row = named.isEmpty() ? null : em.find(ReportedConfigurationKey.class,
                    new ReportedConfigurationKey.ConfigurationKeyId(cp.getId(), k.key()));
            if (row == null) {
                row = new ReportedConfigurationKey(cp.getId(), k.key());
                em.persist(row);
            }
            row.read(k.readonly(), k.value(), at, commandId);
        }
    }

    /** The keys a GetConfiguration asked for; empty: all. */
    static List<String> requestedKeys(String request) {
        List<String> keys = new ArrayList<>();
        if (object(request).get("key") instanceof JsonArray named) {
            named.forEach(v -> {
                if (v instanceof JsonString s) {
                    keys.add(s.getString());
                }
            });
        }
        return keys;
    }

    /**
     * The keys of a GetConfiguration answer, the last of a key reported twice; AuthorizationKey's value,
     * should a charge point tell it, as "***" (it is a secret: OCPP lets it be written, never read).
     */
    static Map<String, ReportedKey> reported(JsonObject answer) {
        Map<String, ReportedKey> keys = new LinkedHashMap<>();
        if (answer.get("configurationKey") instanceof JsonArray list) {
            for (JsonValue v : list) {
                if (v instanceof JsonObject kv && kv.get("key") instanceof JsonString key) {
                    String value = kv.get("value") instanceof JsonString s ? s.getString() : null;
                    if (value != null && "AuthorizationKey".equalsIgnoreCase(key.getString())) {
                        value = "***";
                    }
                    keys.put(key.getString(), new ReportedKey(key.getString(),
                            kv.get("readonly") == JsonValue.TRUE, value));
                }
            }
        }
        return keys;
    }

    static JsonObject object(String text) {
        if (text == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
