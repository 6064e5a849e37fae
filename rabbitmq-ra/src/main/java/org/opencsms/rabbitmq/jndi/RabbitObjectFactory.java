package org.opencsms.rabbitmq.jndi;

import java.util.Enumeration;
import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.StringRefAddr;

import com.rabbitmq.jms.admin.RMQObjectFactory;

/**
 * The RabbitMQ JMS client's object factory, reading the broker URI the way RABBITMQ_URI is documented:
 * {@code amqp://host:5672/} means the default virtual host "/". (The AMQP URI rules, which the client
 * follows, read a lone trailing slash as the virtual host "", which no broker has by default.)
 */
public class RabbitObjectFactory extends RMQObjectFactory {

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment)
            throws Exception {
        if (obj instanceof Reference ref && ref.get("uri") != null) {
            Reference copy = new Reference(ref.getClassName(), ref.getFactoryClassName(), ref.getFactoryClassLocation());
            Enumeration<RefAddr> all = ref.getAll();
            while (all.hasMoreElements()) {
                RefAddr a = all.nextElement();
                copy.add("uri".equals(a.getType()) && a.getContent() instanceof String uri
                        ? new StringRefAddr("uri", normalize(uri)) : a);
            }
            obj = copy;
        }
        return super.getObjectInstance(obj, name, nameCtx, environment);
    }

    /** amqp[s]://user:pass@host:port/ -> without the lone trailing slash (default virtual host). */
    static String normalize(String uri) {
        String trimmed = uri.trim();
        int scheme = trimmed.indexOf("://");
        if (scheme > 0 && trimmed.endsWith("/") && trimmed.indexOf('/', scheme + 3) == trimmed.length() - 1) {
            return trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
