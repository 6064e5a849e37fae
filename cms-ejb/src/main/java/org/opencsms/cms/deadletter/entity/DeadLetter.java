package org.opencsms.cms.deadletter.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One kept event: what it was, why it failed, how often. */
@Entity
@Table(name = "dead_letter")
@NamedQuery(name = DeadLetter.ALL, query = "select d from DeadLetter d order by d.id")
@NamedQuery(name = DeadLetter.COUNT, query = "select count(d) from DeadLetter d")
public class DeadLetter {
    public static final String ALL = "DeadLetter.all";
    public static final String COUNT = "DeadLetter.count";
    /** The failure text is cut to this length. */
    public static final int MAX_FAILURE = 2000;

    @Id
    @SequenceGenerator(name = "dead_letter_seq", sequenceName = "dead_letter_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dead_letter_seq")
    private Long id;
    @Column(name = "event_type")
    private String type;
    @Column(name = "charge_point_id")
    private String chargePointId;
    private String body;
    private String failure;
    private int attempts;
    @Column(name = "first_failed_at")
    private OffsetDateTime firstFailedAt;
    @Column(name = "last_failed_at")
    private OffsetDateTime lastFailedAt;

    protected DeadLetter() {
    }

    public DeadLetter(String type, String chargePointId, String body, String failure, int attempts, OffsetDateTime at) {
        this.type = type;
        this.chargePointId = chargePointId;
        this.body = body;
        this.failure = cut(failure);
        this.attempts = attempts;
        this.firstFailedAt = at;
        this.lastFailedAt = at;
    }

    public void failedAgain(String failure, OffsetDateTime at) {
        this.failure = cut(failure);
        this.attempts++;
        this.lastFailedAt = at;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > MAX_FAILURE ? text.substring(0, MAX_FAILURE) : text;
    }

    public Long getId() { return id; }
    public String getType() { return type; }
    public String getChargePointId() { return chargePointId; }
    public String getBody() { return body; }
    public String getFailure() { return failure; }
    public int getAttempts() { return attempts; }
    public OffsetDateTime getFirstFailedAt() { return firstFailedAt; }
    public OffsetDateTime getLastFailedAt() { return lastFailedAt; }
}
