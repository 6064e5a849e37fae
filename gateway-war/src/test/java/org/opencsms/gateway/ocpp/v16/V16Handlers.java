package org.opencsms.gateway.ocpp.v16;

import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.cms.EventBacklog;

/** A deployed 1.6 handler (its injected fields set), for tests outside this package. */
public final class V16Handlers {
    public static V16Handler of(CmsClient cms, EventBacklog backlog) {
        V16Handler handler = new V16Handler();
        handler.cms = cms;
        handler.backlog = backlog;
        handler.init();
        return handler;
    }

    private V16Handlers() {
    }
}
