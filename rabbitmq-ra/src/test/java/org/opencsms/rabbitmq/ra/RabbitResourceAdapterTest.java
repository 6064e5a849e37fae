package org.opencsms.rabbitmq.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What needs no broker: configuration, URI handling, argument checks. */
class RabbitResourceAdapterTest {

    @Test
    void uriFallsBackToTheEnvironmentThenTheDefault() {
        Map<String, String> env = Map.of("RABBITMQ_URI", "amqp://u:p@broker:5673/vh");
        assertEquals("amqp://a:b@h:1/x", RabbitResourceAdapter.resolveUri(" amqp://a:b@h:1/x ", env::get));
        assertEquals("amqp://u:p@broker:5673/vh", RabbitResourceAdapter.resolveUri("  ", env::get));
        assertEquals("amqp://u:p@broker:5673/vh", RabbitResourceAdapter.resolveUri(null, env::get));
        assertEquals("amqp://guest:guest@localhost:5672", RabbitResourceAdapter.resolveUri(null, name -> null));
        assertEquals("amqp://guest:guest@localhost:5672", RabbitResourceAdapter.resolveUri("", name -> " "));
    }

    @Test
    void trailingSlashMeansTheDefaultVirtualHost() {
        assertEquals("amqp://guest:guest@localhost:5672", RabbitResourceAdapter.defaultVirtualHost("amqp://guest:guest@localhost:5672/"));
        assertEquals("amqps://h?heartbeat=10", RabbitResourceAdapter.defaultVirtualHost("amqps://h/?heartbeat=10"));
        assertEquals("amqp://h/%2F", RabbitResourceAdapter.defaultVirtualHost("amqp://h/%2F"));
        assertEquals("amqp://h/csms", RabbitResourceAdapter.defaultVirtualHost("amqp://h/csms"));
        assertEquals("amqp://h", RabbitResourceAdapter.defaultVirtualHost("amqp://h"));
    }

    @Test
    void passwordsStayOutOfLogs() {
        String masked = RabbitResourceAdapter.mask("amqp://guest:secret@localhost:5672/");
        assertFalse(masked.contains("secret"), masked);
        assertTrue(masked.startsWith("amqp://guest:***@localhost:5672"), masked);
        assertEquals("amqp://localhost:5672/", RabbitResourceAdapter.mask("amqp://localhost:5672/"));
    }

    @Test
    void invalidUriFailsTheStart() {
        RabbitResourceAdapter ra = new RabbitResourceAdapter();
        ra.setUri("http://not-amqp/");
        try (TestBootstrapContext ctx = new TestBootstrapContext()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> ra.start(ctx));
            assertTrue(e.getMessage().contains("Invalid RabbitMQ URI"), e.getMessage());
        }
    }

    @Test
    void activationNeedsAStartedAdapterAndOurSpec() throws Exception {
        RabbitResourceAdapter ra = new RabbitResourceAdapter();
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setDestinationName("q");
        RecordingEndpointFactory factory = new RecordingEndpointFactory();
        assertThrows(ResourceException.class, () -> ra.endpointActivation(factory, spec));

        try (TestBootstrapContext ctx = new TestBootstrapContext()) {
            ra.start(ctx);
            try {
                ActivationSpec foreign = new ActivationSpec() {
                    @Override
                    public void validate() {
                    }

                    @Override
                    public ResourceAdapter getResourceAdapter() {
                        return ra;
                    }

                    @Override
                    public void setResourceAdapter(ResourceAdapter r) {
                    }
                };
                assertThrows(NotSupportedException.class, () -> ra.endpointActivation(factory, foreign));

                RabbitActivationSpec bad = new RabbitActivationSpec();
                bad.setDestinationName("q");
                bad.setMessageSelector("a = 1");
                assertThrows(InvalidPropertyException.class, () -> ra.endpointActivation(factory, bad));
                assertNull(ra.activation(factory, bad));
            } finally {
                ra.stop();
            }
        }
    }

    @Test
    void redeliveryDelayMustFitInTheClientsDeliveryTimeout() throws Exception {
        RabbitResourceAdapter ra = new RabbitResourceAdapter();
        ra.setOnMessageTimeoutMs(10_000);
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setDestinationName("q");
        spec.setMaxRedeliveryDelayMs(10_000);
        try (TestBootstrapContext ctx = new TestBootstrapContext()) {
            ra.start(ctx);
            try {
                InvalidPropertyException e = assertThrows(InvalidPropertyException.class,
                        () -> ra.endpointActivation(new RecordingEndpointFactory(), spec));
                assertTrue(e.getMessage().contains("onMessageTimeoutMs"), e.getMessage());
            } finally {
                ra.stop();
            }
        }
    }

    @Test
    void xaIsNotSupported() {
        assertNull(new RabbitResourceAdapter().getXAResources(new ActivationSpec[0]));
    }

    @Test
    void failureTextNamesTheCausesOnOneBoundedLine() {
        Exception e = new RuntimeException("outer\nline", new IllegalStateException("inner"));
        String text = RabbitActivation.failureText(e);
        assertEquals("java.lang.RuntimeException: outer line / caused by java.lang.IllegalStateException: inner", text);
        assertTrue(RabbitActivation.failureText(new RuntimeException("x".repeat(5000))).length() <= 2003);
        assertEquals("unknown failure", RabbitActivation.failureText(null));
    }
}
