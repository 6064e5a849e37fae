package org.opencsms.cms.smartcharging.control;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.opencsms.api.cms.ChargingProfileView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.cms.smartcharging.entity.Placement;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.ChargingProfile;

/**
 * Charging profiles as the API takes them (an OCPP 1.6 ChargingProfile plus a description) and as
 * charge points get them. The profile is checked by the protocol's codec, with the same rules as every
 * command payload.
 */
public final class ProfileDocuments {
    public static final String DESCRIPTION = "description";
    public static final String ID = "id";
    public static final String PROFILE_ID = "chargingProfileId";
    public static final String TRANSACTION_ID = "transactionId";
    public static final String PURPOSE = "chargingProfilePurpose";
    /** RemoteStartTransaction's inline profile, which {@value #PROFILE_ID} may name instead. */
    public static final String INLINE_PROFILE = "chargingProfile";
    static final String REMOTE_START = "RemoteStartTransaction";

    private static final OcppCodec CODEC = OcppVersion.OCPP16.codec();

    /** A profile as given: its description, and the profile itself (its chargingProfileId a placeholder until assigned). */
    public record ProfileInput(String description, ChargingProfile profile) {
    }

    /**
     * Reads a profile for the library.
     *
     * @param id the stored profile's id (an update), null for a new one
     * @throws CmsException INVALID with the violations
     */
    public static ProfileInput read(String json, Integer id) {
        JsonObject body = object(json).orElseThrow(() -> new CmsException(Reason.INVALID,
                "a JSON object with an OCPP ChargingProfile is required"));
        List<String> violations = new ArrayList<>();
        String description = null;
        JsonValue d = body.get(DESCRIPTION);
        if (d instanceof JsonString s) {
            description = s.getString().strip();
            if (description.length() > ChargingProfileView.MAX_DESCRIPTION || description.indexOf(0) >= 0) {
                violations.add(DESCRIPTION + ": at most " + ChargingProfileView.MAX_DESCRIPTION + " characters");
            }
            description = description.isEmpty() ? null : description;
        } else if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(DESCRIPTION + ": expected string");
        }
        for (String key : List.of(ID, PROFILE_ID)) {
            JsonValue given = body.get(key);
            if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (id == null) {
                violations.add(key + ": assigned by the CSMS, not given");
            } else if (!(given instanceof JsonNumber n) || !n.isIntegral() || n.intValue() != id) {
                violations.add(key + ": must be " + id + ", the profile's id, when given");
            }
        }
        JsonValue tx = body.get(TRANSACTION_ID);
        if (tx != null && tx.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(TRANSACTION_ID + ": a stored profile names no transaction; give it when setting the "
                    + "profile on a charge point");
        }
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, "invalid charging profile", violations);
        }
        JsonObjectBuilder profile = Json.createObjectBuilder(body).remove(DESCRIPTION).remove(ID)
                .add(PROFILE_ID, id == null ? 0 : id);
        try {
            return new ProfileInput(description, CODEC.readPayload(ChargingProfile.class, profile.build()));
        } catch (OcppException e) {
            throw new CmsException(Reason.INVALID, "invalid charging profile", e.violations());
        }
    }

    /** The profile as stored and sent, with its id. */
    public static JsonObject document(ChargingProfile p, int id) {
        return CODEC.writePayload(new ChargingProfile(id, null, p.stackLevel(), p.chargingProfilePurpose(),
                p.chargingProfileKind(), p.recurrencyKind(), p.validFrom(), p.validTo(), p.chargingSchedule()));
    }

    /**
     * A RemoteStartTransaction payload that names a stored profile ({@value #PROFILE_ID}) gets that
     * profile inline ({@value #INLINE_PROFILE}), which must be a TxProfile; any other payload is returned
     * as it is (including one that is no JSON: the command's validation reports it).
     *
     * @param stored the stored profile's document by id, empty for an unknown id
     * @throws CmsException INVALID for an unknown id, a profile of another purpose, or both ways of giving one
     */
    public static String withStoredProfile(String action, String payload, IntFunction<Optional<JsonObject>> stored) {
        if (!REMOTE_START.equals(action)) {
            return payload;
        }
        Optional<JsonObject> parsed = object(payload);
        if (parsed.isEmpty() || !parsed.get().containsKey(PROFILE_ID)) {
            return payload;
        }
        JsonObject request = parsed.get();
        if (!(request.get(PROFILE_ID) instanceof JsonNumber n) || !n.isIntegral()) {
            throw invalid(PROFILE_ID + ": must be the id of a stored charging profile");
        }
        if (request.containsKey(INLINE_PROFILE)) {
            throw invalid(PROFILE_ID + ": give either " + PROFILE_ID + " (a stored profile) or " + INLINE_PROFILE
                    + ", not both");
        }
        int id;
        try {
            id = n.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(PROFILE_ID + ": no charging profile " + n);
        }
        JsonObject profile = stored.apply(id).orElseThrow(() -> invalid(PROFILE_ID + ": no charging profile " + id));
        if (!Placement.TX_PROFILE.equals(profile.getString(PURPOSE, null))) {
            throw invalid(PROFILE_ID + ": charging profile " + id + " is a " + profile.getString(PURPOSE, null)
                    + "; RemoteStartTransaction takes a TxProfile");
        }
        return Json.createObjectBuilder(request).remove(PROFILE_ID).add(INLINE_PROFILE, profile).build().toString();
    }

    private static CmsException invalid(String violation) {
        return new CmsException(Reason.INVALID, "invalid RemoteStartTransaction payload", List.of(violation));
    }

    /** The text as a JSON object, empty when it is none. */
    public static Optional<JsonObject> object(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.createReader(new StringReader(json)).readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private ProfileDocuments() {
    }
}
