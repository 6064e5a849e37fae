package org.opencsms.cms.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;

import org.opencsms.api.messaging.Destinations;
import org.opencsms.messaging.jms.JmsSender;
import org.opencsms.messaging.jms.LazySender;

/** The CMS's JMS sender (replies to calls, commands): created at the first send, closed when the CMS stops. */
@ApplicationScoped
public class CmsSender {
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    private final LazySender sender = new LazySender(() -> JmsSender.create(connectionFactory,
            Settings.jmsSessions(), Settings.rabbitmq()));

    public JmsSender get() {
        return sender.get();
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
