package org.opencsms.cms.chargepoint.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A gateway node and when it last said it was alive. */
@Entity
@Table(name = "gateway_node")
public class GatewayNode {
    @Id
    @Column(name = "node_id")
    private String nodeId;
    @Column(name = "last_seen")
    private OffsetDateTime lastSeen;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    protected GatewayNode() {
    }

    public GatewayNode(String nodeId, OffsetDateTime lastSeen) {
        this.nodeId = nodeId;
        this.lastSeen = lastSeen;
    }

    public void alive(OffsetDateTime at) {
        if (lastSeen == null || at.isAfter(lastSeen)) {
            lastSeen = at;
        }
    }

    /** Records a (re)start of the node; sessions opened before it are gone. */
    public void started(OffsetDateTime at) {
        if (startedAt == null || at.isAfter(startedAt)) {
            startedAt = at;
        }
    }

    /** Whether a session opened at the given time can still be open on this node. */
    public boolean mayHold(OffsetDateTime sessionOpenedAt) {
        return startedAt == null || !sessionOpenedAt.isBefore(startedAt);
    }

    public String getNodeId() { return nodeId; }
    public OffsetDateTime getLastSeen() { return lastSeen; }
}
