package org.opencsms.gateway.console;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

/**
 * A form whose view state is unknown (expired with its session, or never issued: a forged cross-site
 * request) is refused with a redirect to the "expired" page, for full and AJAX requests alike, instead
 * of an error page; nothing of the form is applied.
 */
public class ExpiredViews extends ExceptionHandlerFactory {
    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                while (events.hasNext()) {
                    Throwable t = events.next().getContext().getException();
                    while (t instanceof FacesException && !(t instanceof ViewExpiredException) && t.getCause() != null) {
                        t = t.getCause();
                    }
                    if (t instanceof ViewExpiredException expired) {
                        events.remove();
                        FacesContext faces = FacesContext.getCurrentInstance();
                        ExternalContext external = faces.getExternalContext();
                        LOG.fine(() -> "Refused a form without a known view state: " + expired.getViewId());
                        try {
                            external.redirect(external.getRequestContextPath() + "/expired.xhtml");
                        } catch (IOException e) {
                            throw new FacesException(e);
                        }
                        faces.responseComplete();
                    }
                }
                getWrapped().handle();
            }
        };
    }
}
