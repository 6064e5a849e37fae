package org.opencsms.gateway.cms;

import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.ChargePointCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.gateway.session.CommandExecutor;

/**
 * Takes the commands for charge points connected to this node off the command topic (the server
 * configuration gives this listener the selector {@code targetNode = '<node id>'}) and hands them
 * to the charge point's connection; the answer goes to the caller's reply queue. Failure policy: a
 * command is never redelivered (the caller waits a bounded time); anything unreadable is dropped and
 * logged, and the caller times out.
 */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(CommandListener.class.getName());

    @Inject
    CommandExecutor executor;
    @Inject
    CmsClient cms;

    @Override
    public void onMessage(Message message) {
        try {
            Destination replyTo = message.getJMSReplyTo();
            String correlationId = message.getJMSCorrelationID();
            if (MessageProperties.TYPE_NODE_PROBE.equals(message.getStringProperty(MessageProperties.TYPE))) {
                cms.reply(replyTo, correlationId, CommandResult.of(CommandResult.Outcome.RESULT, "probe received"));
                return;
            }
            ChargePointCommand command = Bodies.fromJson(((TextMessage) message).getText(), ChargePointCommand.class);
            JsonObject payload = Json.createReader(new StringReader(command.payload())).readObject();
            executor.execute(command.chargePointId(), command.action(), payload)
                    .thenAccept(result -> cms.reply(replyTo, correlationId, result))
                    .exceptionally(e -> {
                        LOG.log(Level.WARNING, "Could not answer command " + command.commandId(), e);
                        return null;
                    });
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Unreadable command dropped", e);
        }
    }
}
