package org.opencsms.gateway.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opencsms.api.cms.ChargePointConfigurations;
import org.opencsms.api.cms.ConfigurationView;

/** The configuration a charge point last reported to a GetConfiguration, whoever sent it. */
@Path("charge-points/{id}/configuration")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {
    @EJB
    ChargePointConfigurations configurations;

    @GET
    public ConfigurationView lastRead(@PathParam("id") String id) {
        return configurations.lastRead(id);
    }
}
