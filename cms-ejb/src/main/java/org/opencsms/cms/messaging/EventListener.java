package org.opencsms.cms.messaging;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.api.messaging.EventType;
import org.opencsms.api.messaging.Events.NodeAlive;
import org.opencsms.api.messaging.Events.SessionClosed;
import org.opencsms.api.messaging.Events.SessionOpened;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.cms.chargepoint.boundary.StationService;

/**
 * Stores charger events. Failure policy: a failure is rethrown, so the broker redelivers the event
 * and, after its redelivery limit, moves it to the dead-letter destination; the handlers are
 * idempotent, so a redelivered event is applied once.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.EVENT_TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(EventListener.class.getName());

    @EJB
    StationService station;

    private Handlers handlers;

    @PostConstruct
    void init() {
        handlers = new Handlers()
                .on(Contract.STATUS_CHANGED.name(), StatusChanged.class, e -> { station.statusChanged(e); return null; })
                .on(Contract.SESSION_OPENED.name(), SessionOpened.class, e -> { station.sessionOpened(e); return null; })
                .on(Contract.SESSION_CLOSED.name(), SessionClosed.class, e -> { station.sessionClosed(e); return null; })
                .on(Contract.NODE_ALIVE.name(), NodeAlive.class, e -> { station.nodeAlive(e); return null; })
                .complete(Contract.EVENTS.stream().map(EventType::name).toList());
    }

    @Override
    public void onMessage(Message message) {
        try {
            String type = message.getStringProperty(MessageProperties.TYPE);
            String body = ((TextMessage) message).getText();
            if (message.getJMSRedelivered()) {
                LOG.info(() -> "Redelivered event " + type + ": " + body);
            }
            handlers.handle(type, body);
        } catch (JMSException e) {
            throw new JMSRuntimeException("unreadable event: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
