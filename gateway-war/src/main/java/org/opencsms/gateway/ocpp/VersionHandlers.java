package org.opencsms.gateway.ocpp;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.opencsms.ocpp.OcppVersion;

/** One handler per OCPP version served; a version without one fails the deployment. */
@ApplicationScoped
public class VersionHandlers {
    @Inject
    Instance<VersionHandler> all;

    private final Map<OcppVersion, VersionHandler> byVersion = new EnumMap<>(OcppVersion.class);

    @PostConstruct
    void index() {
        all.forEach(h -> byVersion.put(h.version(), h));
        for (OcppVersion v : OcppVersion.values()) {
            if (!byVersion.containsKey(v)) {
                throw new IllegalStateException("no handler for " + v);
            }
        }
    }

    public VersionHandler get(OcppVersion version) {
        return byVersion.get(version);
    }
}
