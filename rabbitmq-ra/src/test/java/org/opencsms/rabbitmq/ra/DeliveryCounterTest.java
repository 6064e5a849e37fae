package org.opencsms.rabbitmq.ra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryCounterTest {

    @Test
    void countsPerKeyAndForgets() {
        DeliveryCounter c = new DeliveryCounter(10);
        assertEquals(1, c.recordFailure("a"));
        assertEquals(2, c.recordFailure("a"));
        assertEquals(1, c.recordFailure("b"));
        assertEquals(2, c.failures("a"));
        c.forget("a");
        assertEquals(0, c.failures("a"));
        assertEquals(1, c.recordFailure("a"));
    }

    @Test
    void isBoundedEvictingTheLeastRecentlyUsed() {
        DeliveryCounter c = new DeliveryCounter(3);
        c.recordFailure("a");
        c.recordFailure("b");
        c.recordFailure("c");
        c.recordFailure("a"); // a is now the most recent
        c.recordFailure("d"); // evicts b
        assertEquals(3, c.size());
        assertEquals(0, c.failures("b"));
        assertEquals(2, c.failures("a"));
    }
}
