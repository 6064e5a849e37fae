package org.opencsms.gateway.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointChange;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.NewChargePoint;

@Path("charge-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChargePointResource {
    @EJB
    ChargePointAdmin chargePoints;

    @POST
    public Response register(NewChargePoint request) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"id\": ...} is required");
        }
        ChargePointView created = chargePoints.register(request);
        URI location = UriBuilder.fromResource(ChargePointResource.class).path("{id}").build(created.id());
        return Response.created(location).entity(created).build();
    }

    @GET
    public List<ChargePointView> list() {
        return chargePoints.list();
    }

    @GET
    @Path("{id}")
    public ChargePointView find(@PathParam("id") String id) {
        return chargePoints.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Changes a registered charge point: {@code {"validation":"relaxed"}}, {@code {"password":"...",
     * "securityProfile":1}}, or both; what is left out stays as it is. A property we do not know is refused, so
     * that a misspelt one does not answer 200 having changed nothing.
     */
    @PUT
    @Path("{id}")
    public ChargePointView change(@PathParam("id") String id, String body) {
        JsonObject change = JsonBodies.object(body, "a JSON object such as {\"validation\":\"relaxed\"}");
        for (String key : change.keySet()) {
            if (!CHANGEABLE.contains(key)) {
                throw new BadRequest("unknown property '" + (key.length() > 40 ? key.substring(0, 40) + "..." : key)
                        + "': a charge point's " + String.join(", ", CHANGEABLE) + " can be changed");
            }
        }
        if (change.isEmpty()) {
            throw new BadRequest("nothing to change: give one or more of " + String.join(", ", CHANGEABLE));
        }
        return chargePoints.change(id, new ChargePointChange(string(change, "password"),
                integer(change, "securityProfile"), string(change, "validation")));
    }

    private static final List<String> CHANGEABLE = List.of("validation", "password", "securityProfile");

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new BadRequest(name + " must be a string");
    }

    private static Integer integer(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.TEN) < 0) {
            return n.intValue();
        }
        throw new BadRequest(name + " must be 0, 1 or 2");
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!chargePoints.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no charge point " + id);
    }
}
