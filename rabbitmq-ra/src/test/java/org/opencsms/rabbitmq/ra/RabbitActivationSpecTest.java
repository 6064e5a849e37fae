package org.opencsms.rabbitmq.ra;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("deprecation")
class RabbitActivationSpecTest {

    private static RabbitActivationSpec queue(String name) {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setDestinationName(name);
        return spec;
    }

    private static RabbitActivationSpec topic(String name) {
        RabbitActivationSpec spec = queue(name);
        spec.setDestinationType(RabbitActivationSpec.TOPIC);
        return spec;
    }

    private static InvalidPropertyException invalid(RabbitActivationSpec spec, String property) {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        Set<String> names = Arrays.stream(e.getInvalidPropertyDescriptors()).map(PropertyDescriptor::getName)
                .collect(Collectors.toSet());
        assertTrue(names.contains(property), property + " not reported in " + names + ": " + e.getMessage());
        return e;
    }

    @Test
    void defaultsAreValidForAQueue() {
        RabbitActivationSpec spec = queue("csms.requests");
        assertDoesNotThrow(spec::validate);
        ActivationSettings s = spec.settings();
        assertEquals("csms.requests", s.destinationName());
        assertFalse(s.topic());
        assertEquals(5, s.maxSessions());
        assertEquals(5, s.prefetch());
        assertEquals(5, s.maxDeliveries());
        assertEquals(1000, s.redeliveryDelayMs());
        assertEquals(30000, s.maxRedeliveryDelayMs());
        assertEquals("csms.deadletter", s.deadLetterQueue());
        assertEquals(RabbitActivationSpec.QUEUE, spec.getDestinationType());
    }

    @Test
    void destinationNameIsRequired() {
        InvalidPropertyException e = invalid(new RabbitActivationSpec(), "destinationName");
        assertTrue(e.getMessage().contains("destinationName is required"), e.getMessage());
        invalid(queue("  "), "destinationName");
    }

    @Test
    void destinationTypeMustBeQueueOrTopic() {
        RabbitActivationSpec spec = queue("x");
        spec.setDestinationType("jakarta.jms.Destination");
        InvalidPropertyException e = invalid(spec, "destinationType");
        assertTrue(e.getMessage().contains("jakarta.jms.Queue or jakarta.jms.Topic"), e.getMessage());
    }

    @Test
    void selectorOnAQueueIsRejected() {
        RabbitActivationSpec spec = queue("csms.requests");
        spec.setMessageSelector("chargerId = 'CP-1'");
        InvalidPropertyException e = invalid(spec, "messageSelector");
        assertTrue(e.getMessage().contains("only supported on topics"), e.getMessage());
    }

    @Test
    void blankSelectorOnAQueueIsNoSelector() {
        RabbitActivationSpec spec = queue("csms.requests");
        spec.setMessageSelector("  ");
        assertDoesNotThrow(spec::validate);
        assertNull(spec.settings().messageSelector());
    }

    @Test
    void selectorAndSubscriptionOnATopic() {
        RabbitActivationSpec spec = topic("csms.commands");
        spec.setMessageSelector(" nodeId = 'n1' ");
        spec.setSubscriptionName("csms.cmd-node-1");
        assertDoesNotThrow(spec::validate);
        ActivationSettings s = spec.settings();
        assertTrue(s.topic());
        assertEquals("nodeId = 'n1'", s.messageSelector());
        assertEquals("csms.cmd-node-1", s.subscriptionName());
        assertTrue(s.describe().contains("csms.cmd-node-1"));
    }

    @Test
    void subscriptionNameOnlyOnTopics() {
        RabbitActivationSpec spec = queue("csms.requests");
        spec.setSubscriptionName("sub");
        invalid(spec, "subscriptionName");
    }

    @Test
    void subscriptionNameMustBeAValidQueueName() {
        RabbitActivationSpec spec = topic("csms.events");
        spec.setSubscriptionName("has space");
        invalid(spec, "subscriptionName");
        spec.setSubscriptionName("amq.reserved");
        invalid(spec, "subscriptionName");
        spec.setSubscriptionName("x".repeat(129));
        invalid(spec, "subscriptionName");
        spec.setSubscriptionName("csms.events_cms-1");
        assertDoesNotThrow(spec::validate);
    }

    @Test
    void amqpMessageFormatOnlyOnQueues() {
        RabbitActivationSpec spec = queue("csms.events");
        assertFalse(spec.settings().amqpMessages(), "JMS messages by default");
        spec.setMessageFormat("amqp");
        assertDoesNotThrow(spec::validate);
        assertTrue(spec.settings().amqpMessages());
        spec.setMessageFormat("xml");
        invalid(spec, "messageFormat");
        RabbitActivationSpec t = topic("t");
        t.setMessageFormat("amqp");
        invalid(t, "messageFormat");
    }

    @Test
    void topicWithoutSubscriptionIsValid() {
        RabbitActivationSpec spec = topic("csms.events");
        assertDoesNotThrow(spec::validate);
        assertNull(spec.settings().subscriptionName());
    }

    @Test
    void unlimitedPrefetchIsRefused() {
        RabbitActivationSpec spec = queue("q");
        spec.setPrefetch(0);
        InvalidPropertyException e = invalid(spec, "prefetch");
        assertTrue(e.getMessage().contains("duplicates"), e.getMessage());
    }

    @Test
    void numbersMustBeInRange() {
        RabbitActivationSpec spec = queue("q");
        spec.setMaxSessions(0);
        invalid(spec, "maxSessions");
        spec.setMaxSessions(RabbitActivationSpec.MAX_SESSIONS_LIMIT + 1);
        invalid(spec, "maxSessions");
        spec.setMaxSessions(null);
        invalid(spec, "maxSessions");
        spec.setMaxSessions(1);
        spec.setMaxDeliveries(0);
        invalid(spec, "maxDeliveries");
        spec.setMaxDeliveries(1);
        spec.setRedeliveryDelayMs(-1);
        invalid(spec, "redeliveryDelayMs");
        spec.setRedeliveryDelayMs(0);
        assertDoesNotThrow(spec::validate);
    }

    @Test
    void maximumDelayNotBelowInitialDelay() {
        RabbitActivationSpec spec = queue("q");
        spec.setRedeliveryDelayMs(5000);
        spec.setMaxRedeliveryDelayMs(1000);
        invalid(spec, "maxRedeliveryDelayMs");
    }

    @Test
    void deadLetterQueueMustNotBeTheConsumedQueue() {
        RabbitActivationSpec spec = queue("csms.requests");
        spec.setDeadLetterQueue("csms.requests");
        invalid(spec, "deadLetterQueue");
        RabbitActivationSpec sub = topic("csms.events");
        sub.setSubscriptionName("csms.events.cms");
        sub.setDeadLetterQueue("csms.events.cms");
        invalid(sub, "deadLetterQueue");
        spec.setDeadLetterQueue(" ");
        invalid(spec, "deadLetterQueue");
    }

    @Test
    void allProblemsAreReportedTogether() {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setMessageSelector("a = 1");
        spec.setPrefetch(0);
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals(3, e.getInvalidPropertyDescriptors().length, e.getMessage());
    }

    @Test
    void queueNamesReservedByTheBrokerAreRejected() {
        invalid(queue("amq.gen-1"), "destinationName");
    }
}
