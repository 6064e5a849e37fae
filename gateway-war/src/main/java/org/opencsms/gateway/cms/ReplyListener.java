package org.opencsms.gateway.cms;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.opencsms.api.messaging.MessageProperties;

/** Takes the CMS's replies off this node's reply queue and hands them to the waiting caller. */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplyListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(ReplyListener.class.getName());

    @Inject
    CmsClient cms;

    @Override
    public void onMessage(Message message) {
        try {
            cms.complete(message.getJMSCorrelationID(), message.getStringProperty(MessageProperties.OUTCOME),
                    ((TextMessage) message).getText());
        } catch (JMSException | ClassCastException e) {
            // a reply is only useful now: nothing to redeliver, the caller times out
            LOG.log(Level.WARNING, "Unreadable reply dropped", e);
        }
    }
}
