package org.opencsms.gateway.rest;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.opencsms.api.cms.CmsException;

/** Turns failures into JSON error bodies with the right status: the caller always learns why. */
public final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    static Response error(int status, String message) {
        return error(status, message, java.util.List.of());
    }

    static Response error(int status, String message, java.util.List<String> violations) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, violations)).build();
    }

    static int status(CmsException e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }

    @Provider
    public static class CmsExceptionMapper implements ExceptionMapper<CmsException> {
        @Override
        public Response toResponse(CmsException e) {
            return error(status(e), e.getMessage(), e.violations());
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message = e.getMessage();
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
                message = "malformed JSON: " + e.getCause().getMessage();
            }
            return error(status, message);
        }
    }

    /**
     * Jersey (Payara) reports a request entity it could not read as a ProcessingException, where
     * RESTEasy (Open Liberty) throws a BadRequestException: both are the caller's malformed JSON.
     */
    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof JsonbException || c instanceof jakarta.json.JsonException) {
                    return error(400, "malformed JSON: " + c.getMessage());
                }
            }
            LOG.log(Level.WARNING, "Request failed", e);
            return error(500, "internal error; see the server log");
        }
    }

    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return error(400, "malformed JSON: " + e.getMessage());
        }
    }

    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            if (e.getCause() instanceof CmsException cms) {
                return error(status(cms), cms.getMessage(), cms.violations());
            }
            LOG.log(Level.WARNING, "Request failed", e);
            return error(500, "internal error; see the server log");
        }
    }

    private ErrorMappers() {
    }
}
