package org.opencsms.gateway.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.ConsoleUsers;

/** What every page needs: who is logged in, may they change things, messages, time formatting. */
@Named
@RequestScoped
public class Console {
    /** Times are shown in UTC, as the charge points report them. */
    public static final ZoneId ZONE = ZoneOffset.UTC;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    public String getUser() {
        var principal = external().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isAdmin() {
        return external().isUserInRole(ConsoleUsers.ADMIN);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** kWh with one decimal. */
    public String kwh(long wh) {
        return String.format(java.util.Locale.ROOT, "%.1f", wh / 1000.0);
    }

    /** Refuses a change by a viewer (the pages hide the controls; this is the check that counts). */
    static boolean mayChange() {
        if (FacesContext.getCurrentInstance().getExternalContext().isUserInRole(ConsoleUsers.ADMIN)) {
            return true;
        }
        error("Only an admin may change this");
        return false;
    }

    static String caller() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    static void error(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A refusal of the CMS as messages: its summary and each violated rule. */
    static void error(CmsException e) {
        error(e.getMessage());
        for (String violation : e.violations()) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, violation, null));
        }
    }

    /**
     * Runs a change through a business interface; a refusal of the CMS becomes messages (false), anything
     * else propagates (the error page).
     */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            CmsException refused = cmsFailure(e);
            if (refused == null) {
                throw e;
            }
            error(refused);
            return false;
        }
    }

    /** The exception a call of a business interface failed with, unwrapped from the EJB layer. */
    private static CmsException cmsFailure(RuntimeException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof CmsException c) {
                return c;
            }
            t = t.getCause();
        }
        return null;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
