package org.opencsms.gateway.rest;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.api.cms.TransactionClosing;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionRepairs;
import org.opencsms.api.cms.TransactionView;

@Path("transactions")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {
    @EJB
    TransactionQueries transactions;
    @EJB
    TransactionRepairs repairs;
    @Context
    SecurityContext security;

    /** Newest first; {@code active} filters running (true) or stopped (false) transactions. */
    @GET
    public List<TransactionView> list(@QueryParam("chargePointId") String chargePointId,
                                      @QueryParam("active") String active,
                                      @QueryParam("offset") @DefaultValue("0") String offset,
                                      @QueryParam("limit") @DefaultValue("50") String limit) {
        Boolean activeFilter = PageParams.flag("active", active);
        int from = PageParams.offset(offset);
        int size = PageParams.limit(limit);
        return transactions.list(chargePointId == null || chargePointId.isEmpty() ? null : chargePointId,
                activeFilter, from, size);
    }

    @GET
    @Path("{id}")
    public TransactionDetail find(@PathParam("id") String id) {
        return transactions.find(transactionId(id)).orElseThrow(() -> new NotFoundException("no transaction " + id));
    }

    /**
     * The operator's close of a transaction its charge point will never report: 200 with the transaction (closedBy,
     * closedAt); 404 unknown, 409 stopped already, 400 a negative meterStop or a reason OCPP does not have. The
     * body is required: {@code {}} closes with the defaults.
     */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public TransactionDetail close(@PathParam("id") String id, TransactionClosing closing) {
        String caller = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
        return repairs.close(transactionId(id), closing, caller);
    }

    private static int transactionId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no transaction " + id);
        }
    }
}
