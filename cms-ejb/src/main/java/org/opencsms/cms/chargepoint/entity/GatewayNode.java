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

    public String getNodeId() { return nodeId; }
    public OffsetDateTime getLastSeen() { return lastSeen; }
}
