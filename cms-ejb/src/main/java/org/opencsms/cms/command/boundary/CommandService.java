package org.opencsms.cms.command.boundary;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.opencsms.api.cms.ChargerCommands;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.ChargerCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.api.messaging.jms.JmsSender;
import org.opencsms.cms.platform.Settings;

/**
 * Records commands and publishes them on the command topic for the node that, per the shared record
 * of connections, holds the charger's socket. The reply goes to the reply queue of the node this
 * bean runs on, which is the node of the REST call waiting for it. The command is recorded (and
 * committed) before it is published, outside any transaction: no XA between database and broker.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandService implements ChargerCommands {
    static final String COMMAND_TYPE = "Command";

    @EJB
    CommandRecords records;
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;
    @Resource(lookup = Destinations.COMMAND_TOPIC)
    Topic commands;
    @Resource(lookup = Destinations.REPLY_QUEUE)
    Queue replies;

    @Override
    public long dispatch(String chargePointId, String action, String payload, String requestedBy,
                         String correlationId) {
        CommandRecords.Opened opened = records.open(chargePointId, action, payload, requestedBy);
        try {
            JmsSender.shared(connectionFactory, Settings.jmsSessions()).send(commands, Bodies.toJson(new ChargerCommand(opened.commandId(),
                            chargePointId, opened.ocppVersion(), action, payload)),
                    Map.of(MessageProperties.TYPE, COMMAND_TYPE, MessageProperties.CHARGE_POINT_ID, chargePointId,
                            MessageProperties.TARGET_NODE, opened.targetNode(), MessageProperties.ACTION, action),
                    // a command nobody waits for any more must not reach the charger late
                    new JmsSender.Options(DeliveryMode.NON_PERSISTENT, Settings.callTimeout().toMillis() + 5_000,
                            correlationId, replies));
        } catch (JMSRuntimeException e) {
            records.completed(opened.commandId(), CommandResult.of(CommandResult.Outcome.NOT_CONNECTED,
                    "could not publish the command: " + e.getMessage()));
            throw e;
        }
        return opened.commandId();
    }

    @Override
    public void completed(long commandId, CommandResult result) {
        records.completed(commandId, result);
    }

    @Override
    public List<CommandView> history(String chargePointId, int offset, int limit) {
        return records.history(chargePointId, offset, limit);
    }
}
