package org.opencsms.rabbitmq.ra;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.util.Enumeration;

/** Builds a new, writable message with the body, properties and application headers of a received one. */
final class MessageCopier {

    /** Set on the copy when an ObjectMessage body could not be deserialized here (untrusted class). */
    static final String BODY_LOST_PROPERTY = "csmsBodyNotCopied";

    private MessageCopier() {
    }

    static Message copy(Session session, Message original) throws JMSException {
        Message copy = copyBody(session, original);
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            // JMSX* and JMS_* are the provider's to set (JMSXDeliveryCount among them)
            if (name.startsWith("JMSX") || name.startsWith("JMS_")) {
                continue;
            }
            Object value = original.getObjectProperty(name);
            if (value != null) {
                copy.setObjectProperty(name, value);
            }
        }
        copy.setJMSCorrelationID(original.getJMSCorrelationID());
        copy.setJMSType(original.getJMSType());
        return copy;
    }

    private static Message copyBody(Session session, Message original) throws JMSException {
        if (original instanceof TextMessage text) {
            return session.createTextMessage(text.getText());
        }
        if (original instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            bytes.reset();
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        if (original instanceof MapMessage map) {
            MapMessage copy = session.createMapMessage();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (original instanceof StreamMessage stream) {
            StreamMessage copy = session.createStreamMessage();
            stream.reset();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                stream.reset();
            }
            return copy;
        }
        if (original instanceof ObjectMessage object) {
            try {
                return session.createObjectMessage(object.getObject());
            } catch (JMSException | RuntimeException notDeserializable) {
                Message copy = session.createMessage();
                copy.setStringProperty(BODY_LOST_PROPERTY, String.valueOf(notDeserializable));
                return copy;
            }
        }
        return session.createMessage();
    }
}
