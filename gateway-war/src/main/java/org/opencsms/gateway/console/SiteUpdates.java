package org.opencsms.gateway.console;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import org.opencsms.api.cms.SiteOverview;

/**
 * Live updates of the open consoles, on every node alike: once a second the node asks the CMS for the
 * id of the newest activity (an index-only lookup); when it grew, every console of this node gets a
 * {@code changed} message on the {@code site} channel and re-renders what it shows. As the CMS records
 * the activity whichever node's charge point caused it, a console on one node shows what happens on
 * another. A command that completed is pushed as {@code command}.
 */
@ApplicationScoped
public class SiteUpdates {
    private static final Logger LOG = Logger.getLogger(SiteUpdates.class.getName());
    static final String CHANGED = "changed";
    static final String COMMAND = "command";

    @Inject
    @Push(channel = "site")
    PushContext site;
    @EJB
    SiteOverview overview;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile long seen = -1;
    private ScheduledFuture<?> task;

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // touching the bean starts it with the application
    }

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void look() {
        try {
            long last = overview.lastActivityId();
            if (seen >= 0 && last != seen) {
                site.send(CHANGED);
            }
            seen = last;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No activity id from the CMS", e);
        }
    }

    /** A command of any console of this node completed. */
    void commandCompleted() {
        try {
            site.send(COMMAND);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Push failed", e);
        }
    }
}
