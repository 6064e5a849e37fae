package org.opencsms.rabbitmq.ra;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Inbound resource adapter: delivers RabbitMQ messages, read through the RabbitMQ JMS client, to
 * message-driven beans implementing {@link jakarta.jms.MessageListener}. No outbound side, no XA.
 *
 * <h2>Configuration</h2>
 * <ul>
 * <li>{@code uri}: AMQP URI of the broker, e.g. {@code amqp://guest:guest@localhost:5672/}; when blank,
 *     the environment variable {@code RABBITMQ_URI}, then {@value #DEFAULT_URI}.</li>
 * <li>{@code connectionName} ({@value #DEFAULT_CONNECTION_NAME}): prefix of the AMQP connection names shown
 *     by the broker (one connection per activation).</li>
 * <li>{@code onMessageTimeoutMs} (600000): how long the client lets one delivery run (bean plus redelivery
 *     delay) before it closes the session's channel; must exceed every activation's maxRedeliveryDelayMs.</li>
 * <li>{@code recoveryIntervalMs} (5000): pause between automatic reconnection attempts.</li>
 * </ul>
 *
 * <h2>Delivery and failure policy</h2>
 * <ul>
 * <li>Each message goes to a new endpoint (createEndpoint, beforeDelivery, onMessage, afterDelivery,
 *     release) in WorkManager work, and is acknowledged only after all of that returned normally. A crash
 *     or connection loss before the acknowledgement means a redelivery: at-least-once, so beans must be
 *     idempotent.</li>
 * <li>When the bean throws or afterDelivery fails, the message is not acknowledged: the failure is counted
 *     (JMSXDeliveryCount when the broker counts, else in memory by JMSMessageID), the session waits
 *     redeliveryDelayMs doubled per failure up to maxRedeliveryDelayMs, then hands that one message back
 *     to the broker, which redelivers it to any consumer. Only the waiting session pauses.</li>
 * <li>When the failures reach maxDeliveries, a copy (same body and properties, plus {@code csmsFailure},
 *     {@code csmsOriginalDestination} and a few more {@code csms*} properties) is published to the
 *     dead-letter queue with a publisher confirm, then the original is acknowledged and one WARNING line
 *     is logged. If the copy cannot be stored the original stays and is retried after maxRedeliveryDelayMs.</li>
 * <li>When the bean is not reached (endpoint unavailable, beforeDelivery failing, work rejected) the
 *     message is redelivered after redeliveryDelayMs without counting a failure.</li>
 * <li>A broker restart or connection loss is handled by the client's automatic recovery (connection,
 *     channels, queues, bindings, consumers); messages in flight are redelivered.</li>
 * </ul>
 */
public class RabbitResourceAdapter implements ResourceAdapter {

    static final Logger LOG = Logger.getLogger("org.opencsms.rabbitmq.ra");

    public static final String DEFAULT_URI = "amqp://guest:guest@localhost:5672/";
    public static final String URI_ENVIRONMENT_VARIABLE = "RABBITMQ_URI";
    public static final String DEFAULT_CONNECTION_NAME = "opencsms-rabbitmq-ra";
    private static final long SUPERVISION_INTERVAL_MS = 2000;

    private String uri;
    private String connectionName = DEFAULT_CONNECTION_NAME;
    private Integer onMessageTimeoutMs = 600_000;
    private Integer recoveryIntervalMs = 5000;

    private volatile BootstrapContext context;
    private volatile String effectiveUri;
    private Timer timer;
    private long supervisionIntervalMs = SUPERVISION_INTERVAL_MS;
    private final Map<ActivationKey, RabbitActivation> activations = new ConcurrentHashMap<>();

    /** The server passes the same factory and spec to deactivation; both may override equals, so compare identity. */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActivationKey k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(factory) + System.identityHashCode(spec);
        }
    }

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        String resolved = resolveUri(uri, System::getenv);
        try {
            new RMQConnectionFactory().setUri(resolved);
        } catch (JMSException | RuntimeException e) {
            throw new ResourceAdapterInternalException("Invalid RabbitMQ URI " + mask(resolved) + ": " + e, e);
        }
        if (onMessageTimeoutMs == null || onMessageTimeoutMs <= 0) {
            throw new ResourceAdapterInternalException("onMessageTimeoutMs must be positive, not " + onMessageTimeoutMs);
        }
        if (recoveryIntervalMs == null || recoveryIntervalMs <= 0) {
            throw new ResourceAdapterInternalException("recoveryIntervalMs must be positive, not " + recoveryIntervalMs);
        }
        effectiveUri = resolved;
        context = ctx;
        try {
            timer = ctx.createTimer();
        } catch (Exception e) {
            throw new ResourceAdapterInternalException("Cannot create a timer: " + e, e);
        }
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                for (RabbitActivation a : activations.values()) {
                    try {
                        a.supervise();
                    } catch (Throwable t) {
                        // an exception would kill the timer thread and with it all supervision
                        LOG.log(Level.WARNING, "Supervising " + a.settings().describe() + " failed", t);
                    }
                }
            }
        }, supervisionIntervalMs, supervisionIntervalMs);
        LOG.info("RabbitMQ resource adapter started for " + maskedUri());
    }

    @Override
    public void stop() {
        for (ActivationKey key : List.copyOf(activations.keySet())) {
            RabbitActivation a = activations.remove(key);
            if (a != null) {
                a.stop();
            }
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        context = null;
        LOG.info("RabbitMQ resource adapter stopped");
    }

    @Override
    @SuppressWarnings("deprecation") // ActivationSpec.validate() is deprecated but still the contract here
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        BootstrapContext ctx = context;
        if (ctx == null) {
            throw new ResourceException("The RabbitMQ resource adapter is not started");
        }
        if (!(spec instanceof RabbitActivationSpec rabbitSpec)) {
            throw new NotSupportedException("Expected a " + RabbitActivationSpec.class.getName() + ", got "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        rabbitSpec.validate();
        ActivationSettings settings = rabbitSpec.settings();
        if (settings.maxRedeliveryDelayMs() >= onMessageTimeoutMs) {
            throw new InvalidPropertyException("maxRedeliveryDelayMs (" + settings.maxRedeliveryDelayMs()
                    + ") must be below the adapter's onMessageTimeoutMs (" + onMessageTimeoutMs
                    + "): the redelivery delay is spent inside the client's onMessage");
        }
        RabbitActivation activation = new RabbitActivation(this, ctx.getWorkManager(), factory, settings);
        if (activations.putIfAbsent(new ActivationKey(factory, spec), activation) != null) {
            throw new ResourceException("Endpoint already activated for " + spec);
        }
        activation.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        RabbitActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /** No XA: messages are acknowledged after the endpoint returned, not enlisted in its transaction. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    static String resolveUri(String configured, UnaryOperator<String> environment) {
        if (configured != null && !configured.isBlank()) {
            return defaultVirtualHost(configured.trim());
        }
        String fromEnvironment = environment.apply(URI_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return defaultVirtualHost(fromEnvironment.trim());
        }
        return defaultVirtualHost(DEFAULT_URI);
    }

    /**
     * By the AMQP URI spec a lone trailing slash names the virtual host "", which RabbitMQ cannot have
     * ("vhost not found"); everyone writing {@code amqp://host:5672/} means the default vhost "/", so the
     * slash is dropped. {@code amqp://host/%2F} and named vhosts are left alone.
     */
    static String defaultVirtualHost(String uri) {
        try {
            URI u = new URI(uri);
            String authority = u.getScheme() + "://" + u.getRawAuthority();
            if ("/".equals(u.getRawPath()) && uri.startsWith(authority + "/")) {
                return authority + uri.substring(authority.length() + 1);
            }
        } catch (Exception e) {
            // left for the connection factory to reject with a proper message
        }
        return uri;
    }

    /** The URI without its password, for logs. */
    static String mask(String uri) {
        try {
            URI u = new URI(uri);
            String userInfo = u.getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return uri;
            }
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            return new URI(u.getScheme(), user + ":***", u.getHost(), u.getPort(), u.getPath(), u.getQuery(),
                    u.getFragment()).toString();
        } catch (Exception e) {
            return "(unparseable URI)";
        }
    }

    String effectiveUri() {
        return effectiveUri;
    }

    String maskedUri() {
        return mask(effectiveUri);
    }

    /** Test hook: the activation for a factory/spec pair, or null. */
    RabbitActivation activation(MessageEndpointFactory factory, ActivationSpec spec) {
        return activations.get(new ActivationKey(factory, spec));
    }

    /** Test hook: shorter supervision ticks; call before {@link #start}. */
    void setSupervisionIntervalMs(long ms) {
        this.supervisionIntervalMs = ms;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName == null || connectionName.isBlank() ? DEFAULT_CONNECTION_NAME
                : connectionName.trim();
    }

    public Integer getOnMessageTimeoutMs() {
        return onMessageTimeoutMs;
    }

    public void setOnMessageTimeoutMs(Integer onMessageTimeoutMs) {
        this.onMessageTimeoutMs = onMessageTimeoutMs;
    }

    public Integer getRecoveryIntervalMs() {
        return recoveryIntervalMs;
    }

    public void setRecoveryIntervalMs(Integer recoveryIntervalMs) {
        this.recoveryIntervalMs = recoveryIntervalMs;
    }
}
