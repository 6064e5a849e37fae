package org.opencsms.cms.messaging;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.annotation.Resource;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.Calls.Authorize;
import org.opencsms.api.messaging.Calls.AuthorizeReply;
import org.opencsms.api.messaging.Calls.DataTransfer;
import org.opencsms.api.messaging.Calls.StartTransaction;
import org.opencsms.api.messaging.Calls.StopTransaction;
import org.opencsms.api.messaging.Calls.Boot;
import org.opencsms.api.messaging.Calls.Heartbeat;
import org.opencsms.api.messaging.Calls.HeartbeatReply;
import org.opencsms.api.messaging.Calls.Ping;
import org.opencsms.api.messaging.CallType;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.api.messaging.ErrorReply;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.messaging.jms.JmsSender;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * Answers the gateway's calls. Failure policy: a call that fails is answered with an error reply
 * (the charge point gets InternalError and retries the CALL itself), never redelivered: a redelivered
 * call would answer a charge point that stopped waiting long ago.
 */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RequestListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(RequestListener.class.getName());
    /** A reply nobody waits for any more must not pile up in a reply queue. */
    private static final long REPLY_TTL_MS = 60_000;

    @EJB
    ChargePointActivity activity;
    @EJB
    IdTagService idTags;
    @EJB
    TransactionService transactions;

    @jakarta.inject.Inject
    org.opencsms.cms.platform.CmsSender sender;

    private Handlers handlers;
    @jakarta.inject.Inject
    org.opencsms.cms.platform.CmsMetrics metrics;

    private static long publishedAt(Message message) {
        try {
            return message.getJMSTimestamp();
        } catch (JMSException e) {
            return 0;
        }
    }

    @PostConstruct
    void init() {
        handlers = new Handlers()
                .on(Ping.class, p -> Translations.reply(activity.ping(p.nodeId())))
                .on(Boot.class,
                        b -> Translations.reply(activity.boot(b.chargePointId(), Translations.bootInfo(b))))
                .on(Heartbeat.class,
                        h -> new HeartbeatReply(activity.heartbeat(h.chargePointId())))
                .on(Authorize.class, a -> new AuthorizeReply(idTags.authorize(a.idTag())))
                .on(StartTransaction.class,
                        s -> Translations.reply(transactions.start(Translations.startReport(s))))
                .on(StopTransaction.class,
                        s -> Translations.reply(transactions.stop(Translations.stopReport(s))))
                .on(DataTransfer.class, d -> Translations.reply(activity.dataTransfer(
                        d.chargePointId(), d.vendorId(), d.messageId(), d.data(), d.receivedAt())))
                .complete(Contract.CALLS.stream().map(CallType::name).toList());
    }

    @Override
    public void onMessage(Message message) {
        Destination replyTo;
        String correlationId;
        String type;
        String body;
        try {
            replyTo = message.getJMSReplyTo();
            correlationId = message.getJMSCorrelationID();
            type = message.getStringProperty(MessageProperties.TYPE);
            body = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            LOG.log(Level.WARNING, "Unreadable request dropped", e);
            return;
        }
        Object reply;
        String outcome = MessageProperties.OUTCOME_OK;
        long received = System.currentTimeMillis();
        long started = System.nanoTime();
        try {
            reply = handlers.handle(type, body);
        } catch (RuntimeException e) {
            // never the body: it is the charge point's data (and may be secret); the type and the failure suffice
            LOG.log(Level.WARNING, "Request " + org.opencsms.api.text.LogText.quote(type) + " failed", e);
            reply = new ErrorReply(type + " failed: " + e);
            outcome = MessageProperties.OUTCOME_ERROR;
        }
        metrics.requestHandled(type, publishedAt(message), received, System.nanoTime() - started);
        if (replyTo == null) {
            LOG.warning(() -> "Request " + org.opencsms.api.text.LogText.quote(type) + " without a reply destination");
            return;
        }
        sender.get().send(replyTo, Bodies.toJson(reply),
                Map.of(MessageProperties.TYPE, type, MessageProperties.OUTCOME, outcome),
                new JmsSender.Options(DeliveryMode.NON_PERSISTENT, REPLY_TTL_MS, correlationId, null));
    }
}
