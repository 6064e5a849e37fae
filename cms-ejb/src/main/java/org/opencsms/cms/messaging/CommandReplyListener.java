package org.opencsms.cms.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.command.boundary.CommandService;
import org.opencsms.cms.command.boundary.PendingCommands;

/**
 * Takes what became of this node's commands off its command reply queue (the node holding the charge
 * point's socket sends it there) and completes the command. Never redelivered: a reply is only useful
 * now, and without it the command ends as TIMEOUT.
 */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandReplyListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(CommandReplyListener.class.getName());

    @EJB
    PendingCommands pending;

    @Override
    public void onMessage(Message message) {
        try {
            long commandId = CommandService.commandId(message.getJMSCorrelationID());
            if (commandId < 0) {
                LOG.warning("A command reply without a command's correlation id dropped");
                return;
            }
            CommandResult result = Bodies.fromJson(((TextMessage) message).getText(), CommandResult.class);
            if (!pending.complete(commandId, result)) {
                LOG.fine(() -> "Late answer to command " + commandId + " (after its timeout) dropped");
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Unreadable command reply dropped", e);
        }
    }
}
