package org.opencsms.gateway.cms;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;

import org.opencsms.gateway.platform.GatewaySettings;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.messaging.jms.JmsSender;
import org.opencsms.messaging.jms.LazySender;

/** The gateway's JMS sender (calls to the CMS, replies to commands): created at the first send, closed when the gateway stops. */
@ApplicationScoped
public class GatewaySender {
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    private final LazySender sender = new LazySender(() -> JmsSender.create(connectionFactory,
            GatewaySettings.jmsSessions(), GatewaySettings.rabbitmq()));

    public JmsSender get() {
        return sender.get();
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
