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

import org.opencsms.api.config.Setting;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.EventType;
import org.opencsms.api.messaging.Events.DiagnosticsStatusChanged;
import org.opencsms.api.messaging.Events.FirmwareStatusChanged;
import org.opencsms.api.messaging.Events.MeterValuesReported;
import org.opencsms.api.messaging.Events.NodeAlive;
import org.opencsms.api.messaging.Events.SessionClosed;
import org.opencsms.api.messaging.Events.SessionOpened;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.cms.chargepoint.boundary.StationService;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * Stores charger events. Failure policy: a failure is rethrown, so the broker redelivers the event
 * and, after its redelivery limit, moves it to the dead-letter destination (logged here on the last
 * attempt). Each handler commits its own transaction and is idempotent, so an event redelivered
 * after it was stored is applied once.
 */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(EventListener.class.getName());
    /** CSMS_EVENT_MAX_DELIVERIES [5]: must match the broker's redelivery limit of the event destination. */
    private static final int MAX_DELIVERIES = Setting.positiveInt("CSMS_EVENT_MAX_DELIVERIES", 5);

    @EJB
    StationService station;
    @EJB
    TransactionService transactions;

    private Handlers handlers;

    @PostConstruct
    void init() {
        handlers = new Handlers()
                .onEvent(Contract.STATUS_CHANGED.name(), StatusChanged.class, station::statusChanged)
                .onEvent(Contract.SESSION_OPENED.name(), SessionOpened.class, station::sessionOpened)
                .onEvent(Contract.SESSION_CLOSED.name(), SessionClosed.class, station::sessionClosed)
                .onEvent(Contract.NODE_ALIVE.name(), NodeAlive.class, station::nodeAlive)
                .onEvent(Contract.METER_VALUES.name(), MeterValuesReported.class, transactions::meterValues)
                .onEvent(Contract.DIAGNOSTICS_STATUS.name(), DiagnosticsStatusChanged.class, station::diagnosticsStatus)
                .onEvent(Contract.FIRMWARE_STATUS.name(), FirmwareStatusChanged.class, station::firmwareStatus)
                .complete(Contract.EVENTS.stream().map(EventType::name).toList());
    }

    @Override
    public void onMessage(Message message) {
        String type = null;
        String body = null;
        int delivery = 1;
        try {
            type = message.getStringProperty(MessageProperties.TYPE);
            body = ((TextMessage) message).getText();
            String chargePointId = message.getStringProperty(MessageProperties.CHARGE_POINT_ID);
            if (message.propertyExists("JMSXDeliveryCount")) {
                delivery = message.getIntProperty("JMSXDeliveryCount");
            }
            FaultInjection.beforeHandling(type, chargePointId);
            handlers.handle(type, body);
            FaultInjection.afterHandling(type, chargePointId, message.getJMSMessageID());
        } catch (JMSException e) {
            throw new JMSRuntimeException("unreadable event: " + e.getMessage(), e.getErrorCode(), e);
        } catch (RuntimeException e) {
            if (delivery >= MAX_DELIVERIES) {
                LOG.severe("Event " + type + " failed " + delivery + " times, giving up: the broker moves it to the "
                        + "dead-letter destination. Last failure: " + e + ". Event: " + body);
            } else {
                LOG.warning("Event " + type + " failed (delivery " + delivery + "), to be redelivered: " + e);
            }
            throw e;
        }
    }
}
