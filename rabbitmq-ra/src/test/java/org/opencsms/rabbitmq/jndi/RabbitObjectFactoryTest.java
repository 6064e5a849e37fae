package org.opencsms.rabbitmq.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RabbitObjectFactoryTest {
    @ParameterizedTest
    @CsvSource({
            "amqp://guest:guest@localhost:5672/, amqp://guest:guest@localhost:5672",
            "amqp://guest:guest@localhost:5672, amqp://guest:guest@localhost:5672",
            "amqp://h:5672/%2F, amqp://h:5672/%2F",
            "amqp://h:5672/csms, amqp://h:5672/csms",
            "amqps://u:p@h/, amqps://u:p@h"})
    void loneTrailingSlashMeansTheDefaultVirtualHost(String given, String expected) {
        assertEquals(expected, RabbitObjectFactory.normalize(given));
    }
}
